import { normalizedName } from './names';
import { COUNTRY_BOXES } from './data/country-boxes';

/** The longest city a filter or a service may give (services' city column). */
export const MAX_CITY_LENGTH = 200;

/**
 * A city as `filter.city` compares it: decomposed, accents stripped, case-folded, whitespace collapsed
 * (normalizedName), cut to the column's length. "TAPACHULA", "tapachula" and "Tapáchula" are one city.
 * Null for no city or a blank one. Stored on each service (city_key, indexed), so that the comparison is
 * an equality both engines answer from the index, whatever their collation.
 */
export function cityKey(city: string | null | undefined): string | null {
  if (city === null || city === undefined) return null;
  const key = normalizedName(city).slice(0, MAX_CITY_LENGTH);
  return key === '' ? null : key;
}

/**
 * The countries whose boxes (data/country-boxes.ts) hold the point: those a near search's point is taken to
 * lie in. Usually one; near a border, or at sea near several, more; far out at sea, none.
 */
export function countriesAt(point: { latitude: number; longitude: number }): string[] {
  const { latitude, longitude } = point;
  return Object.entries(COUNTRY_BOXES)
    .filter(([, boxes]) =>
      boxes.some(([west, south, east, north]) => longitude >= west && longitude <= east && latitude >= south && latitude <= north),
    )
    .map(([code]) => code);
}
