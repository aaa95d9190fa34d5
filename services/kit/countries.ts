import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';

countries.registerLocale(en);
countries.registerLocale(es);

/** The 35 Member States of the OAS, ISO 3166-1 alpha-2. */
export const OAS_MEMBER_STATES = [
  'AG',
  'AR',
  'BS',
  'BB',
  'BZ',
  'BO',
  'BR',
  'CA',
  'CL',
  'CO',
  'CR',
  'CU',
  'DM',
  'DO',
  'EC',
  'SV',
  'GD',
  'GT',
  'GY',
  'HT',
  'HN',
  'JM',
  'MX',
  'NI',
  'PA',
  'PY',
  'PE',
  'KN',
  'LC',
  'VC',
  'SR',
  'TT',
  'US',
  'UY',
  'VE',
] as const;

const MEMBERS = new Set<string>(OAS_MEMBER_STATES);

export interface MemberState {
  code: string;
  name: string;
  nameEs: string;
}

/** English and Spanish short names from the maintained ISO list ("United States", not "... of America"). */
export function memberStates(): MemberState[] {
  return OAS_MEMBER_STATES.map((code) => ({
    code,
    name: countries.getName(code, 'en', { select: 'alias' }) ?? code,
    nameEs: countries.getName(code, 'es', { select: 'official' }) ?? code,
  }));
}

/** Upper-cases a country code argument; null when it is not an OAS Member State. */
export function normalizeCountryCode(code: string): string | null {
  const upper = code.trim().toUpperCase();
  return MEMBERS.has(upper) ? upper : null;
}
