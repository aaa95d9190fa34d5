import type { Population } from '../kit/enums';
import { isLanguageCode } from '../kit/languages';
import { countryFilter, searchTerm } from '../kit/validation';
import { badInput } from '../platform/errors';
import type { ServiceType } from './entities/service.entity';
import { Circle, MAX_RADIUS_KM } from './geo';
import { cityKey, MAX_CITY_LENGTH } from './places';
import { ServiceFilter, ServiceOrder } from './resolvers/service.args';

/** A validated ServiceFilter: plain data, so that loaders can be keyed by it. */
export interface ServiceCriteria {
  country: string | null;
  type: ServiceType | null;
  language: string | null;
  population: Population | null;
  search: string | null;
  near: Circle | null;
  /** The city as its key (places.ts cityKey). */
  city: string | null;
  /** The order asked for, or the default (RELEVANCE with search, DISTANCE with near, else NAME). */
  orderBy: ServiceOrder;
}

function city(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value.length > MAX_CITY_LENGTH) throw badInput(`city is at most ${MAX_CITY_LENGTH} characters, got ${value.length}.`, 'city');
  const key = cityKey(value);
  if (key === null) throw badInput('city is blank: give the name of a city, or leave city out.', 'city');
  return key;
}

/** The order of the list: the one asked for, which must have what it sorts by, or the default. */
function order(filter: ServiceFilter | null | undefined, search: string | null, near: Circle | null): ServiceOrder {
  const asked = filter?.orderBy ?? null;
  if (asked === ServiceOrder.RELEVANCE && search === null)
    throw badInput('orderBy RELEVANCE needs search: give the words to rank by.', 'orderBy');
  if (asked === ServiceOrder.DISTANCE && near === null)
    throw badInput('orderBy DISTANCE needs near and radiusKm: give the point to measure from.', 'orderBy');
  if (asked) return asked;
  if (near) return ServiceOrder.DISTANCE;
  return search !== null ? ServiceOrder.RELEVANCE : ServiceOrder.NAME;
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
  const search = searchTerm(filter?.search);
  const near = filter ? circle(filter) : null;
  return {
    country: countryFilter(filter?.country),
    type: filter?.type ?? null,
    language: languageCode(filter?.language),
    population: filter?.population ?? null,
    search,
    near,
    city: city(filter?.city),
    orderBy: order(filter, search, near),
  };
}
