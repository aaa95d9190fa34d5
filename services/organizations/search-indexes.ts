import type { FullTextTable } from '../kit/full-text';

/**
 * What `filter.search` looks in: a hit in the name ranks above one in the description only, and both above
 * a hit through a stem, the city or a language the service is offered in (docs/search.md).
 */
export const SERVICES_INDEX: FullTextTable = {
  table: 'services',
  titles: ['name'],
  bodies: ['description'],
  scope: 'country_code',
  stems: { language: { country: 'country_code' }, places: ['city'], spoken: 'languages' },
};
export const ORGANIZATIONS_INDEX: FullTextTable = {
  table: 'organizations',
  titles: ['name'],
  bodies: ['description'],
  stems: { language: { country: 'country_code' } },
};
