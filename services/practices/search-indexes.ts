import type { FullTextTable } from '../kit/full-text';

/** What `filter.search` looks in: a hit in the title ranks above one in the summary or body only, and both above a stem-only hit. */
export const PRACTICES_INDEX: FullTextTable = {
  table: 'practices',
  titles: ['title'],
  bodies: ['summary', 'body'],
  stems: { language: { code: 'language' } },
};
