/** Distances on a sphere of the Earth's mean radius: precise enough to find services nearby. */
export const EARTH_RADIUS_KM = 6371;
export const MAX_RADIUS_KM = 500;

const radians = (degrees: number) => (degrees * Math.PI) / 180;
const degrees = (radians: number) => (radians * 180) / Math.PI;

export interface Circle {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

/** The public position of a shelter: 0.1 degree (about 11 km), never more precise. */
export function coarsen(value: number): number {
  return Math.round(value * 10) / 10;
}

/** coarsen() in SQL: Math.round is FLOOR(x + 0.5) on both engines, whereas SQL ROUND rounds halves away from zero. */
export function coarsenSql(column: string): string {
  return `(FLOOR(${column} * 10 + 0.5) / 10.0)`;
}

/** Great-circle distance (haversine). */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const h =
    Math.sin(radians(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(radians(b.longitude - a.longitude) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  /** Null when the circle reaches a pole or crosses the antimeridian: only latitude then narrows. */
  longitude: { min: number; max: number } | null;
}

/**
 * The smallest latitude/longitude box holding the circle, widened by `margin` degrees: the indexed
 * columns hold exact positions, while the distance may be measured from a coarsened one.
 */
export function boundingBox(circle: Circle, margin: number): BoundingBox {
  const angular = circle.radiusKm / EARTH_RADIUS_KM;
  const minLatitude = circle.latitude - degrees(angular) - margin;
  const maxLatitude = circle.latitude + degrees(angular) + margin;
  if (minLatitude <= -90 || maxLatitude >= 90) return { minLatitude, maxLatitude, longitude: null };
  const ratio = Math.sin(angular) / Math.cos(radians(circle.latitude));
  if (ratio >= 1) return { minLatitude, maxLatitude, longitude: null };
  const delta = degrees(Math.asin(ratio)) + margin;
  const min = circle.longitude - delta;
  const max = circle.longitude + delta;
  return { minLatitude, maxLatitude, longitude: min < -180 || max > 180 ? null : { min, max } };
}

/** The haversine term of the distance from the circle's centre (parameters of withinCircleSql). */
function haversineSql(latitudeSql: string, longitudeSql: string): string {
  return (
    `(POWER(SIN(RADIANS(${latitudeSql} - :nearLatitude) / 2), 2) + ` +
    `:nearCosine * COS(RADIANS(${latitudeSql})) * POWER(SIN(RADIANS(${longitudeSql} - :nearLongitude) / 2), 2))`
  );
}

/**
 * SQL that holds when the point (latitudeSql, longitudeSql) is within the circle. It compares the
 * haversine term itself (d <= r  <=>  hav <= sin²(r / 2R)), so no ASIN of a value rounded past 1.
 */
export function withinCircleSql(latitudeSql: string, longitudeSql: string, circle: Circle) {
  return {
    sql: `${haversineSql(latitudeSql, longitudeSql)} <= :nearBound`,
    parameters: {
      nearLatitude: circle.latitude,
      nearLongitude: circle.longitude,
      nearCosine: Math.cos(radians(circle.latitude)),
      nearBound: Math.sin(circle.radiusKm / (2 * EARTH_RADIUS_KM)) ** 2,
    },
  };
}

/** The distance in km from the circle's centre, in SQL (same parameters); `least` is MySQL's LEAST or SQLite's MIN. */
export function distanceKmSql(latitudeSql: string, longitudeSql: string, least: 'LEAST' | 'MIN'): string {
  return `(2 * ${EARTH_RADIUS_KM} * ASIN(SQRT(${least}(1, ${haversineSql(latitudeSql, longitudeSql)}))))`;
}
