import type { FullTextTable } from '../kit/full-text';

/** What `filter.search` looks in: a hit in the name ranks above one in the acronym only. */
export const AUTHORITIES_INDEX: FullTextTable = { table: 'national_authorities', titles: ['name'], bodies: ['acronym'] };
