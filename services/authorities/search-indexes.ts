import type { FullTextTable } from '../kit/full-text';

/** What `filter.search` looks in: a hit in the name ranks above one in the acronym only, and both above a stem-only hit. */
export const AUTHORITIES_INDEX: FullTextTable = {
  table: 'national_authorities',
  titles: ['name'],
  bodies: ['acronym'],
  stems: { language: { country: 'country_code' } },
};
