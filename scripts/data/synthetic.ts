/**
 * A deterministic synthetic directory for benchmarks: the same seed gives the same rows, ids included.
 * The spread follows the region roughly: most services in the populous Member States, around their
 * cities; Spanish first, then Portuguese, English, French and the indigenous languages where spoken.
 */

/** mulberry32: small, fast and good enough to spread benchmark data; Math.random cannot be seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Picks by weight: [[value, weight], ...]. */
export function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [value, w] of items) if ((r -= w) < 0) return value;
  return items[items.length - 1][0];
}

/** A UUID-shaped id from a kind digit and a counter: readable in a benchmark's output, stable across runs. */
export const syntheticId = (kind: number, n: number) => `5e000000-0000-4000-8${kind}00-${n.toString(16).padStart(12, '0')}`;

interface Place {
  country: string;
  weight: number;
  languages: readonly (readonly [string, number])[];
  cities: readonly (readonly [string, number, number])[];
}

const SPANISH = [['spa', 10]] as const;
/** Member States with their cities and languages; weights roughly follow population. */
export const PLACES: readonly Place[] = [
  { country: 'MX', weight: 20, languages: [['spa', 10], ['nhe', 1], ['yua', 1], ['tzo', 0.5]], cities: [['Ciudad de México', 19.43, -99.13], ['Guadalajara', 20.67, -103.35], ['Monterrey', 25.69, -100.32], ['Tijuana', 32.51, -117.04], ['Tapachula', 14.9, -92.26], ['Mérida', 20.97, -89.62]] },
  { country: 'US', weight: 18, languages: [['eng', 10], ['spa', 5], ['hat', 0.5]], cities: [['New York', 40.71, -74.0], ['Los Angeles', 34.05, -118.24], ['Houston', 29.76, -95.37], ['Miami', 25.76, -80.19], ['Chicago', 41.88, -87.63]] },
  { country: 'BR', weight: 18, languages: [['por', 10], ['spa', 1], ['gug', 0.3]], cities: [['São Paulo', -23.55, -46.63], ['Rio de Janeiro', -22.91, -43.17], ['Manaus', -3.12, -60.02], ['Recife', -8.05, -34.9], ['Porto Alegre', -30.03, -51.23]] },
  { country: 'CO', weight: 8, languages: SPANISH, cities: [['Bogotá', 4.71, -74.07], ['Medellín', 6.24, -75.58], ['Cali', 3.45, -76.53], ['Cúcuta', 7.89, -72.5]] },
  { country: 'AR', weight: 7, languages: [['spa', 10], ['gug', 0.5]], cities: [['Buenos Aires', -34.6, -58.38], ['Córdoba', -31.42, -64.18], ['Rosario', -32.95, -60.65], ['Salta', -24.78, -65.41]] },
  { country: 'PE', weight: 6, languages: [['spa', 10], ['quz', 2], ['quy', 2], ['ayr', 1]], cities: [['Lima', -12.05, -77.04], ['Cusco', -13.53, -71.97], ['Arequipa', -16.41, -71.54], ['Puno', -15.84, -70.02]] },
  { country: 'CA', weight: 5, languages: [['eng', 10], ['fra', 4]], cities: [['Toronto', 43.65, -79.38], ['Montréal', 45.5, -73.57], ['Vancouver', 49.28, -123.12]] },
  { country: 'GT', weight: 4, languages: [['spa', 10], ['quc', 2], ['cak', 1], ['mam', 1]], cities: [['Ciudad de Guatemala', 14.63, -90.51], ['Quetzaltenango', 14.83, -91.52], ['Puerto Barrios', 15.73, -88.59]] },
  { country: 'EC', weight: 4, languages: [['spa', 10], ['qug', 1.5]], cities: [['Quito', -0.18, -78.47], ['Guayaquil', -2.17, -79.92]] },
  { country: 'BO', weight: 3, languages: [['spa', 10], ['quh', 2], ['ayr', 2], ['gui', 0.5]], cities: [['La Paz', -16.5, -68.15], ['Santa Cruz de la Sierra', -17.78, -63.18], ['Cochabamba', -17.39, -66.16]] },
  { country: 'CL', weight: 3, languages: [['spa', 10], ['arn', 0.5]], cities: [['Santiago', -33.45, -70.67], ['Antofagasta', -23.65, -70.4]] },
  { country: 'PY', weight: 2, languages: [['spa', 8], ['gug', 6]], cities: [['Asunción', -25.26, -57.58], ['Ciudad del Este', -25.51, -54.61]] },
  { country: 'HN', weight: 2, languages: SPANISH, cities: [['Tegucigalpa', 14.07, -87.19], ['San Pedro Sula', 15.5, -88.03]] },
  { country: 'SV', weight: 2, languages: SPANISH, cities: [['San Salvador', 13.69, -89.22]] },
  { country: 'DO', weight: 2, languages: [['spa', 10], ['hat', 1]], cities: [['Santo Domingo', 18.49, -69.93], ['Santiago de los Caballeros', 19.45, -70.7]] },
  { country: 'HT', weight: 2, languages: [['hat', 10], ['fra', 5]], cities: [['Port-au-Prince', 18.59, -72.31], ['Cap-Haïtien', 19.76, -72.2]] },
  { country: 'NI', weight: 1.5, languages: SPANISH, cities: [['Managua', 12.11, -86.24]] },
  { country: 'CR', weight: 1.5, languages: SPANISH, cities: [['San José', 9.93, -84.08]] },
  { country: 'PA', weight: 1.5, languages: SPANISH, cities: [['Ciudad de Panamá', 8.98, -79.52]] },
  { country: 'UY', weight: 1, languages: SPANISH, cities: [['Montevideo', -34.9, -56.16]] },
  { country: 'VE', weight: 1, languages: SPANISH, cities: [['Caracas', 10.48, -66.9]] },
  { country: 'JM', weight: 1, languages: [['eng', 10]], cities: [['Kingston', 17.97, -76.79]] },
  { country: 'TT', weight: 0.5, languages: [['eng', 10]], cities: [['Port of Spain', 10.66, -61.51]] },
  { country: 'GY', weight: 0.3, languages: [['eng', 10]], cities: [['Georgetown', 6.8, -58.16]] },
  { country: 'SR', weight: 0.3, languages: [['nld', 10]], cities: [['Paramaribo', 5.85, -55.2]] },
  { country: 'BS', weight: 0.3, languages: [['eng', 10]], cities: [['Nassau', 25.05, -77.35]] },
  { country: 'BZ', weight: 0.3, languages: [['eng', 10], ['spa', 5]], cities: [['Belize City', 17.5, -88.2]] },
  { country: 'BB', weight: 0.2, languages: [['eng', 10]], cities: [['Bridgetown', 13.1, -59.61]] },
];

export const SERVICE_TYPES = [
  ['HOTLINE', 8], ['LEGAL_AID', 12], ['HEALTH', 10], ['PSYCHOSOCIAL', 14], ['CASE_MANAGEMENT', 10], ['SHELTER', 8],
  ['REINTEGRATION', 8], ['VOCATIONAL_TRAINING', 8], ['EDUCATION', 6], ['REPATRIATION', 4], ['INTERPRETATION', 4], ['OTHER', 3],
] as const;

export const SERVICE_WORDS: Record<string, readonly string[]> = {
  HOTLINE: ['Línea de ayuda', 'Línea contra la trata', 'Teléfono de orientación'],
  LEGAL_AID: ['Asesoría jurídica', 'Defensoría', 'Clínica legal'],
  HEALTH: ['Atención médica', 'Clínica de salud', 'Salud sexual y reproductiva'],
  PSYCHOSOCIAL: ['Acompañamiento psicosocial', 'Apoyo psicológico', 'Grupo de escucha'],
  CASE_MANAGEMENT: ['Gestión de casos', 'Ruta de atención', 'Derivación y seguimiento'],
  SHELTER: ['Albergue', 'Casa de acogida', 'Refugio temporal'],
  REINTEGRATION: ['Reintegración', 'Proyecto de vida', 'Acompañamiento al retorno'],
  VOCATIONAL_TRAINING: ['Capacitación laboral', 'Formación técnica', 'Taller de oficios'],
  EDUCATION: ['Prevención escolar', 'Educación comunitaria', 'Talleres de sensibilización'],
  REPATRIATION: ['Repatriación asistida', 'Retorno seguro', 'Apoyo consular'],
  INTERPRETATION: ['Interpretación', 'Traducción e interpretación', 'Mediación lingüística'],
  OTHER: ['Servicio comunitario', 'Punto de información', 'Ventanilla única'],
};

export const NAME_WORDS = ['Esperanza', 'Nueva Vida', 'Camino Seguro', 'Renacer', 'Luz', 'Puentes', 'Horizonte', 'Semilla', 'Raíces', 'Amanecer', 'Dignidad', 'Libertad', 'Manos Unidas', 'Wasi', 'Tekoha', 'Ixim', 'Solidaridad', 'Encuentro'];
export const PHRASES = [
  'Atención a víctimas y sobrevivientes de trata de personas.',
  'Orientación a personas migrantes en tránsito.',
  'Acompañamiento a niñas, niños y adolescentes.',
  'Capacitación y búsqueda de empleo.',
  'Asesoría jurídica gratuita y confidencial.',
  'Atención en lenguas indígenas con intérpretes.',
  'Prevención de la explotación sexual y laboral.',
  'Derivación a servicios de salud y protección.',
  'Servicio disponible las 24 horas.',
  'Coordinación con la fiscalía y la policía.',
  'Apoyo a familias y comunidades de origen.',
  'Espacios seguros para mujeres.',
];
export const POPULATIONS = ['WOMEN', 'MEN', 'CHILDREN', 'ADOLESCENTS', 'MIGRANTS', 'INDIGENOUS', 'LGBTI', 'PERSONS_WITH_DISABILITIES', 'OLDER_PERSONS', 'FAMILIES'];
export const ORGANIZATION_KINDS = [['NGO', 60], ['FAITH_BASED', 12], ['COMMUNITY', 12], ['INTERNATIONAL', 5], ['ACADEMIC', 5], ['PRIVATE_SECTOR', 3], ['TRADE_UNION', 3]] as const;
export const ORGANIZATION_WORDS = ['Fundación', 'Asociación', 'Red', 'Centro', 'Colectivo', 'Casa', 'Instituto', 'Movimiento'];

/** A point near a city: most within ~30 km, a tail into the countryside. */
export function around(rng: Rng, latitude: number, longitude: number): [number, number] {
  const spread = rng() < 0.8 ? 0.3 : 1.5;
  const gauss = () => (rng() + rng() + rng() - 1.5) * spread;
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return [round(Math.max(-89, Math.min(89, latitude + gauss()))), round(longitude + gauss())];
}

/** Distinct picks, at least one. */
export function some<T>(rng: Rng, items: readonly (readonly [T, number])[], max: number): T[] {
  const count = 1 + Math.floor(rng() * max);
  return [...new Set(Array.from({ length: count }, () => weighted(rng, items)))];
}
