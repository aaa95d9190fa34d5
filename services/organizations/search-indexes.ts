import type { FullTextTable } from '../kit/full-text';

/** What `filter.search` looks in: a hit in the name ranks above one in the description only. */
export const SERVICES_INDEX: FullTextTable = { table: 'services', titles: ['name'], bodies: ['description'], scope: 'country_code' };
export const ORGANIZATIONS_INDEX: FullTextTable = { table: 'organizations', titles: ['name'], bodies: ['description'] };
