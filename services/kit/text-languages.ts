/**
 * The languages a directory text is written in, for stemming (docs/search.md): the one place that says
 * which language an organization's, a service's or an authority's text is in when the row does not say.
 * The four languages Enlace stems are the OAS's; a country whose main language is another one (Suriname:
 * Dutch; Haiti: Creole beside French) is stemmed in those of the four its texts are commonly written in.
 */
export const STEM_LANGUAGES = ['es', 'pt', 'fr', 'en'] as const;
export type StemLanguage = (typeof STEM_LANGUAGES)[number];

/** ISO 3166-1 alpha-2 of each Member State -> the languages of its texts, most common first. */
export const COUNTRY_TEXT_LANGUAGES: Readonly<Record<string, readonly StemLanguage[]>> = {
  AG: ['en'],
  AR: ['es'],
  BS: ['en'],
  BB: ['en'],
  BZ: ['en', 'es'],
  BO: ['es'],
  BR: ['pt'],
  CA: ['en', 'fr'],
  CL: ['es'],
  CO: ['es'],
  CR: ['es'],
  CU: ['es'],
  DM: ['en'],
  DO: ['es'],
  EC: ['es'],
  SV: ['es'],
  GD: ['en'],
  GT: ['es'],
  GY: ['en'],
  HT: ['fr'],
  HN: ['es'],
  JM: ['en'],
  MX: ['es'],
  NI: ['es'],
  PA: ['es'],
  PY: ['es'],
  PE: ['es'],
  KN: ['en'],
  LC: ['en'],
  VC: ['en'],
  SR: ['en'],
  TT: ['en'],
  US: ['en', 'es'],
  UY: ['es'],
  VE: ['es'],
};

/** A country outside the table (none today): stemmed in the directory's two most common languages. */
const DEFAULT_LANGUAGES: readonly StemLanguage[] = ['es', 'en'];

export function countryTextLanguages(country: string | null | undefined): readonly StemLanguage[] {
  return (country && COUNTRY_TEXT_LANGUAGES[country.toUpperCase()]) || DEFAULT_LANGUAGES;
}

const ISO_639_3: Readonly<Record<string, StemLanguage>> = { spa: 'es', por: 'pt', fra: 'fr', eng: 'en' };

/** A text's own language (ISO 639-3, a practice's `language`) as one of the four; null for any other. */
export function stemLanguageOf(code: string | null | undefined): StemLanguage | null {
  return (code && ISO_639_3[code]) || null;
}
