import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Population } from '../kit/enums';
import { badInput } from '../platform/errors';
import { engineOf, fullTextSql, searchWords } from '../kit/full-text';
import { isLanguageCode, languagesMatching } from '../kit/languages';
import { countryFilter, searchTerm } from '../kit/validation';
import { Service, ServiceType } from './entities/service.entity';
import { boundingBox, Circle, coarsenSql, MAX_RADIUS_KM, withinCircleSql } from './geo';
import { SERVICES_INDEX } from './search-indexes';
import type { ServiceFilter } from './resolvers/service.args';
import { membershipsSql, Visibility, visibleOrganizationsSql } from './visibility';

/** How many services Country.services gives at most per country. */
export const COUNTRY_SERVICES_LIMIT = 100;

/** A validated ServiceFilter: plain data, so that loaders can be keyed by it. */
export interface ServiceCriteria {
  country: string | null;
  type: ServiceType | null;
  language: string | null;
  population: Population | null;
  search: string | null;
  near: Circle | null;
}

function languageCode(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const code = value.trim().toLowerCase();
  if (!/^[a-z]{3}$/.test(code)) {
    throw badInput(`"${value.slice(0, 20)}" is not an ISO 639-3 language code (three letters, e.g. spa, quc, hat).`, 'language');
  }
  if (!isLanguageCode(code)) throw badInput(`"${code}" is not a code of the ISO 639-3 table (e.g. spa, quc, hat).`, 'language');
  return code;
}

function circle(filter: ServiceFilter): Circle | null {
  const { near, radiusKm } = filter;
  if (!near && (radiusKm === null || radiusKm === undefined)) return null;
  if (!near) throw badInput('radiusKm needs near: give the point to measure from.', 'near');
  if (radiusKm === null || radiusKm === undefined) throw badInput('near needs radiusKm: give a distance in km.', 'radiusKm');
  if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
    throw badInput(`radiusKm must be above 0 and at most ${MAX_RADIUS_KM}, got ${radiusKm}.`, 'radiusKm');
  }
  if (!(Math.abs(near.latitude) <= 90)) throw badInput('near.latitude must be between -90 and 90.', 'near.latitude');
  if (!(Math.abs(near.longitude) <= 180)) throw badInput('near.longitude must be between -180 and 180.', 'near.longitude');
  return { latitude: near.latitude, longitude: near.longitude, radiusKm };
}

/** Validates a filter; throws BAD_USER_INPUT naming the field at fault. */
export function serviceCriteria(filter: ServiceFilter | null | undefined): ServiceCriteria {
  return {
    country: countryFilter(filter?.country),
    type: filter?.type ?? null,
    language: languageCode(filter?.language),
    population: filter?.population ?? null,
    search: searchTerm(filter?.search),
    near: filter ? circle(filter) : null,
  };
}

/** SQL that holds for the shelters whose exact position the viewer may not see; null when it sees every one. */
export function obscuredSql(alias: string, visibility: Visibility): string | null {
  if (visibility.shelterDetails === 'ALL') return null;
  const memberships = membershipsSql(visibility);
  const exempt = memberships ? ` AND ${alias}.organization_id NOT IN ${memberships.sql}` : '';
  return `(${alias}.type = '${ServiceType.SHELTER}'${exempt})`;
}

/** The position the public measures from: a shelter's coarsened one where `obscured` (obscuredSql) holds. */
function positionSql(alias: string, column: 'latitude' | 'longitude', obscured: string | null) {
  const exact = `${alias}.${column}`;
  return obscured ? `(CASE WHEN ${obscured} THEN ${coarsenSql(exact)} ELSE ${exact} END)` : exact;
}

function applyNear(query: SelectQueryBuilder<Service>, alias: string, near: Circle, visibility: Visibility): void {
  const box = boundingBox(near, 0.05 + 1e-9);
  query.andWhere(`${alias}.latitude BETWEEN :minLatitude AND :maxLatitude`, {
    minLatitude: box.minLatitude,
    maxLatitude: box.maxLatitude,
  });
  if (box.longitude) {
    query.andWhere(`${alias}.longitude BETWEEN :minLongitude AND :maxLongitude`, {
      minLongitude: box.longitude.min,
      maxLongitude: box.longitude.max,
    });
  }
  const obscured = obscuredSql(alias, visibility);
  const within = withinCircleSql(positionSql(alias, 'latitude', obscured), positionSql(alias, 'longitude', obscured), near);
  query.andWhere(within.sql, within.parameters);
  const memberships = membershipsSql(visibility);
  if (obscured && memberships) query.setParameters(memberships.parameters);
}

/** The services the viewer may see that meet the criteria, unordered (the caller pages or ranks). */
export function servicesQuery(db: DataSource, criteria: ServiceCriteria, visibility: Visibility, alias = 's') {
  const query = db.getRepository(Service).createQueryBuilder(alias);
  // Nine in ten rows pass the visibility test: it must never lead the query, the selective filters' indexes
  // (country, position, language, search) must. On SQLite a unary + keeps the planner from using an index
  // for it; MariaDB would turn an IN subquery into a semi-join led by organizations, but runs a scalar one per row.
  const sqlite = engineOf(db) === 'sqlite';
  const organizationId = `${sqlite ? '+' : ''}${alias}.organization_id`;
  const status = sqlite ? null : `(SELECT vo.status FROM organizations vo WHERE vo.id = ${alias}.organization_id)`;
  const visible = visibleOrganizationsSql(visibility, organizationId, status);
  if (criteria.country) query.andWhere(`${alias}.country_code = :country`, { country: criteria.country });
  if (criteria.type) query.andWhere(`${alias}.type = :type`, { type: criteria.type });
  if (criteria.language) {
    // An IN subquery rather than EXISTS: the planner may then start from the language's index entries,
    // with the type when one is given (idx_service_languages_language_type: no service row read per entry).
    const ofType = criteria.type ? ' AND sl.service_type = :type' : '';
    query.andWhere(`${alias}.id IN (SELECT sl.service_id FROM service_languages sl WHERE sl.language IN (:...languages)${ofType})`, {
      languages: languagesMatching(criteria.language),
    });
  }
  if (criteria.population) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM service_populations sp WHERE sp.service_id = ${alias}.id AND sp.population = :population)`,
      { population: criteria.population },
    );
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
  if (criteria.near) applyNear(query, alias, criteria.near, visibility);
  // Last: MariaDB tests the conditions in the order written, and this one costs a lookup per row.
  query.andWhere(visible.sql, visible.parameters);
  return query;
}

/**
 * The first COUNTRY_SERVICES_LIMIT services of each country, by name then id, in one statement:
 * ROW_NUMBER() (SQLite >= 3.25, MySQL 8, MariaDB >= 10.2) bounds each country inside the database.
 */
export function servicesInCountries(db: DataSource, criteria: ServiceCriteria, visibility: Visibility, countries: string[]) {
  const ranked = servicesQuery(db, { ...criteria, country: null }, visibility, 'r')
    .select('r.id', 'id')
    .addSelect('ROW_NUMBER() OVER (PARTITION BY r.country_code ORDER BY r.name, r.id)', 'rn')
    .andWhere('r.country_code IN (:...countries)', { countries });
  return db
    .getRepository(Service)
    .createQueryBuilder('s')
    .where(`s.id IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.rn <= ${COUNTRY_SERVICES_LIMIT})`)
    .setParameters(ranked.getParameters())
    .orderBy('s.name', 'ASC')
    .addOrderBy('s.id', 'ASC')
    .getMany();
}
