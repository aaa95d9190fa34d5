import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { engineOf, fullTextSql, searchWords } from '../kit/full-text';
import type { ListQuery, SortKey } from '../kit/keyset';
import { firstOfEach } from '../kit/pagination';
import { columnKey } from '../kit/keyset';
import { languagesMatching, macrolanguageOf } from '../kit/languages';
import { Service, ServiceCoverage } from './entities/service.entity';
import { boundingBox, Circle, coarsenSql, distanceKmSql, withinCircleSql } from './geo';
import { countriesAt } from './places';
import { ServiceOrder } from './resolvers/service.args';
import { hasPostings, postingMatches, SEARCH_DOC } from '../kit/search-postings';
import { SERVICES_INDEX } from './search-indexes';
import type { ServiceCriteria } from './service-criteria';
import { membershipsSql, obscuredSql, OrganizationsVisibility, Scope } from './visibility';

/** The position the public measures from: a shelter's coarsened one where `obscured` (obscuredSql) holds. */
function positionSql(alias: string, column: 'latitude' | 'longitude', obscured: string | null) {
  const exact = `${alias}.${column}`;
  return obscured ? `(CASE WHEN ${obscured} THEN ${coarsenSql(exact)} ELSE ${exact} END)` : exact;
}

/**
 * SQL that holds for the services a near search finds by their coverage rather than their position
 * (docs/search.md, coverage): the NATIONAL services of the countries its point lies in (places.ts
 * countriesAt), and the INTERNATIONAL ones offered in or by an organization serving one of them. Null when
 * the point lies in no country. Its parameter is :pointCountries.
 */
function byCoverageSql(alias: string, near: Circle): { sql: string; parameters: { pointCountries: string[] } } | null {
  const pointCountries = countriesAt(near);
  if (pointCountries.length === 0) return null;
  const national = `(${alias}.coverage = '${ServiceCoverage.NATIONAL}' AND ${alias}.country_code IN (:...pointCountries))`;
  // One primary-key lookup per INTERNATIONAL service (few): organization_countries has no index by country.
  const served = `SELECT 1 FROM organization_countries oc WHERE oc.organization_id = ${alias}.organization_id AND oc.country_code IN (:...pointCountries)`;
  const international =
    `(${alias}.coverage = '${ServiceCoverage.INTERNATIONAL}' AND ` +
    `(${alias}.country_code IN (:...pointCountries) OR EXISTS (${served})))`;
  return { sql: `(${national} OR ${international})`, parameters: { pointCountries } };
}

/**
 * Services within the circle, and those found by their coverage (byCoverageSql). A shelter whose address the
 * viewer may not see is within the circle when its public cell is (positionSql): the exact position only
 * narrows the bounding box, widened by half a cell, so it decides nothing the cell does not.
 */
function applyNear(query: SelectQueryBuilder<Service>, alias: string, near: Circle, scope: Scope): void {
  const box = boundingBox(near, 0.05 + 1e-9);
  const terms = [`${alias}.latitude BETWEEN :minLatitude AND :maxLatitude`];
  query.setParameters({ minLatitude: box.minLatitude, maxLatitude: box.maxLatitude });
  if (box.longitude) {
    terms.push(`${alias}.longitude BETWEEN :minLongitude AND :maxLongitude`);
    query.setParameters({ minLongitude: box.longitude.min, maxLongitude: box.longitude.max });
  }
  const obscured = obscuredSql(alias, scope);
  const within = withinCircleSql(positionSql(alias, 'latitude', obscured), positionSql(alias, 'longitude', obscured), near);
  terms.push(within.sql);
  query.setParameters(within.parameters);
  const coverage = byCoverageSql(alias, near);
  // Out at sea the condition stays the box and circle alone, which the position index answers.
  if (coverage) query.andWhere(`((${terms.join(' AND ')}) OR ${coverage.sql})`, coverage.parameters);
  else query.andWhere(terms.join(' AND '));
  const memberships = membershipsSql(scope);
  if (obscured && memberships) query.setParameters(memberships.parameters);
}

/**
 * The codes a language filter matches: the code, the individual languages of a macrolanguage (que: quz,
 * quy...) and the macrolanguage of an individual language (ayr: aym), as the IANA registry maps them: a
 * service in Aymara serves the speakers of Central Aymara, and one in Central Aymara is in Aymara.
 */
export function languagesFor(code: string): string[] {
  const macrolanguage = macrolanguageOf(code);
  return macrolanguage ? [...languagesMatching(code), macrolanguage] : languagesMatching(code);
}

/**
 * The services the viewer may see that meet the criteria, unordered; archived ones are in no list, whoever
 * asks (their members and the Secretariat find them in Organization.services and by id).
 */
function filteredServices(db: DataSource, criteria: ServiceCriteria, visibility: OrganizationsVisibility, alias: string) {
  const query = db.getRepository(Service).createQueryBuilder(alias).where(`${alias}.archived = :archived`, { archived: false });
  // A near search is led by its position and coverage (applyNear). SQLite has no statistics to weigh them
  // against the index of another filter, and would rather read every service of the type (12,000 of them:
  // 38 ms, against 0.5 ms from the position): a unary + keeps it from leading by these filters then.
  const follow = criteria.near && engineOf(db) === 'sqlite' ? '+' : '';
  if (criteria.country) query.andWhere(`${follow}${alias}.country_code = :country`, { country: criteria.country });
  if (criteria.type) query.andWhere(`${follow}${alias}.type = :type`, { type: criteria.type });
  if (criteria.city) query.andWhere(`${follow}${alias}.city_key = :cityKey`, { cityKey: criteria.city });
  if (criteria.language) {
    // An IN subquery rather than EXISTS: the planner may then start from the language's index entries,
    // with the type when one is given (idx_service_languages_language_type: no service row read per entry).
    const ofType = criteria.type ? ' AND sl.service_type = :type' : '';
    query.andWhere(
      `${follow}${alias}.id IN (SELECT sl.service_id FROM service_languages sl WHERE sl.language IN (:...languages)${ofType})`,
      {
        languages: languagesFor(criteria.language),
      },
    );
  }
  if (criteria.population) {
    query.andWhere(`EXISTS (SELECT 1 FROM service_populations sp WHERE sp.service_id = ${alias}.id AND sp.population = :population)`, {
      population: criteria.population,
    });
  }
  if (criteria.search) {
    const words = searchWords(criteria.search);
    // A search with no word to look for (punctuation, one letter) matches nothing rather than everything.
    if (words.length === 0) query.andWhere('1 = 0');
    else {
      const search = fullTextSql(db, SERVICES_INDEX, alias, words, criteria.country);
      query.andWhere(search.where, search.parameters);
    }
  }
  if (criteria.near) applyNear(query, alias, criteria.near, visibility.scope);
  // Last: MariaDB tests the conditions in the order written, and this one costs a lookup per row.
  const visible = visibility.services.sql(alias);
  if (visible) query.andWhere(visible.sql, visible.parameters);
  return query;
}

/**
 * The distance the viewer may know, in whole metres (an integer, so the cursor compares exactly): for a
 * shelter whose address it may not see, measured from the coarsened position and rounded to whole km,
 * so that neither the value nor the order of the list tells more than the public position. A service found
 * by its coverage has FOUND_BY_COVERAGE, after every distance.
 */
function distanceKeySql(db: DataSource, alias: string, scope: Scope, near: Circle): string {
  const least = engineOf(db) === 'mysql' ? 'LEAST' : 'MIN';
  const lat = `${alias}.latitude`;
  const lon = `${alias}.longitude`;
  const exact = `FLOOR(${distanceKmSql(lat, lon, least)} * 1000 + 0.5)`;
  const obscured = obscuredSql(alias, scope);
  const coarse = `FLOOR(${distanceKmSql(coarsenSql(lat), coarsenSql(lon), least)} + 0.5) * 1000`;
  const known = obscured ? `CASE WHEN ${obscured} THEN ${coarse} ELSE ${exact} END` : exact;
  const coverage = byCoverageSql(alias, near);
  return coverage ? `(CASE WHEN ${coverage.sql} THEN ${FOUND_BY_COVERAGE} ELSE ${known} END)` : `(${known})`;
}

/**
 * The distance key of a service a near search found by its coverage, shown as null: above every distance
 * (at most MAX_RADIUS_KM, plus half a cell for a shelter measured from its cell, in metres), so these come
 * after the services found within the radius.
 */
export const FOUND_BY_COVERAGE = 1_000_000_000;

/** The rank of a search read from the postings: 2, 1 or 0 as fullTextSql's, highest first. */
const SEARCH_RANK: SortKey = { sql: '', direction: 'DESC', numeric: true, score: true };

/**
 * The keys of the order asked for (ServiceCriteria.orderBy); the id ends every order (keyset.ts).
 * `fromPostings`: the search is read from the postings, which give the rank (SEARCH_RANK).
 */
function sortKeys(db: DataSource, criteria: ServiceCriteria, scope: Scope, alias: string, fromPostings = false): SortKey[] {
  switch (criteria.orderBy) {
    case ServiceOrder.DISTANCE:
      return [{ sql: distanceKeySql(db, alias, scope, criteria.near!), direction: 'ASC', numeric: true }];
    case ServiceOrder.RELEVANCE: {
      if (fromPostings) return [SEARCH_RANK, columnKey(alias, 'name')];
      const words = searchWords(criteria.search ?? '');
      // With the country the filter searches by (filteredServices): MySQL then ranks from the scoped texts.
      const rank = words.length > 0 ? fullTextSql(db, SERVICES_INDEX, alias, words, criteria.country).rank : '0';
      return [{ sql: rank, direction: 'DESC', numeric: true }, columnKey(alias, 'name')];
    }
    case ServiceOrder.NEWEST:
      // recency is updatedAt inverted (recencyKey): ascending is newest first, and an index reads it either way.
      return [columnKey(alias, 'recency')];
    default:
      return [columnKey(alias, 'name')];
  }
}

/**
 * The list of services the viewer may see that meet the criteria, and the order it is paged in. On MySQL a
 * search within a country (not near a point: that one is led by the position) is read from the postings
 * (search-postings.ts), then the other filters from the services.
 */
export function servicesQuery(db: DataSource, criteria: ServiceCriteria, visibility: OrganizationsVisibility): ListQuery<Service> {
  const alias = 's';
  const words = searchWords(criteria.search ?? '');
  const { country } = criteria;
  if (country && words.length > 0 && !criteria.near && hasPostings(db, SERVICES_INDEX)) {
    return {
      query: filteredServices(db, { ...criteria, search: null }, visibility, alias),
      keys: sortKeys(db, criteria, visibility.scope, alias, true),
      matches: { column: SEARCH_DOC, find: () => postingMatches(db, SERVICES_INDEX, words, country) },
    };
  }
  return { query: filteredServices(db, criteria, visibility, alias), keys: sortKeys(db, criteria, visibility.scope, alias) };
}

/** The first `first` services of each country, by name then id, in one statement (firstOfEach). */
export function servicesInCountries(
  db: DataSource,
  criteria: ServiceCriteria,
  visibility: OrganizationsVisibility,
  countries: string[],
  first: number,
): Promise<Service[]> {
  const query = filteredServices(db, { ...criteria, country: null }, visibility, 's').andWhere('s.country_code IN (:...countries)', {
    countries,
  });
  return firstOfEach(query, { parent: 's.country_code', id: 's.id', order: ['s.name', 's.id'] }, first).getMany();
}
