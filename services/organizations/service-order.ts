import type { DataSource } from 'typeorm';
import { engineOf, fullTextSql, searchWords } from '../kit/full-text';
import type { SortKey } from '../kit/keyset';
import { coarsenSql, distanceKmSql } from './geo';
import { SERVICES_INDEX } from './search-indexes';
import { obscuredSql, ServiceCriteria } from './service-search';
import type { Visibility } from './visibility';

/**
 * The distance the viewer may know, in whole metres (an integer, so the cursor compares exactly): for a
 * shelter whose address it may not see, measured from the coarsened position and rounded to whole km,
 * so that neither the value nor the order of the list tells more than the public position.
 */
export function distanceKeySql(db: DataSource, alias: string, visibility: Visibility): string {
  const least = engineOf(db) === 'mysql' ? 'LEAST' : 'MIN';
  const lat = `${alias}.latitude`;
  const lon = `${alias}.longitude`;
  const exact = `FLOOR(${distanceKmSql(lat, lon, least)} * 1000 + 0.5)`;
  const obscured = obscuredSql(alias, visibility);
  if (!obscured) return exact;
  const coarse = `FLOOR(${distanceKmSql(coarsenSql(lat), coarsenSql(lon), least)} + 0.5) * 1000`;
  return `(CASE WHEN ${obscured} THEN ${coarse} ELSE ${exact} END)`;
}

/**
 * How a list of services is sorted: by distance when near is given, by relevance then name when a search
 * is, by name otherwise (null: the plain keyset of paginate). The query must be servicesQuery's, which
 * holds the parameters these keys use.
 */
export function serviceSortKeys(db: DataSource, criteria: ServiceCriteria, visibility: Visibility, alias: string): SortKey[] | null {
  if (criteria.near) return [{ sql: distanceKeySql(db, alias, visibility), direction: 'ASC', numeric: true }];
  if (!criteria.search) return null;
  const words = searchWords(criteria.search);
  const rank = words.length > 0 ? fullTextSql(db, SERVICES_INDEX, alias, words).rank : '0';
  return [
    { sql: rank, direction: 'DESC', numeric: true },
    { sql: `${alias}.name`, direction: 'ASC', numeric: false, property: 'name' },
  ];
}
