import { iso6391, LANGUAGE_CODES, languageName } from './languages';

/**
 * Names of the ISO 639-3 languages in the four languages of the OAS, and the index that finds a code by
 * one of them. One source for `Query.languages` (workplan) and for the directory's search by a language's
 * name (organizations): both must agree on what "kiche" or "guaraní" means.
 */
export const NAME_LANGUAGES = ['es', 'en', 'pt', 'fr'] as const;
export type NameLanguage = (typeof NAME_LANGUAGES)[number];

export function isNameLanguage(value: unknown): value is NameLanguage {
  return typeof value === 'string' && (NAME_LANGUAGES as readonly string[]).includes(value);
}

/** Apostrophes and the letters that stand for a glottal stop in Mayan and Andean names (Kʼicheʼ, K'iche', Qʼeqchiʼ). */
const APOSTROPHES = /['\u2018\u2019\u02BC\u02BB\u02B9\u0060\u00B4]/g;

/** A name as compared: no accents, no apostrophes, lower case, words separated by one space ("K'iche'" -> "kiche"). */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface LanguageNames {
  code: string;
  /** The name in each language: CLDR's where it has one for this very language, the ISO 639-3 reference name otherwise. */
  names: Record<NameLanguage, string>;
  /** True when CLDR names the language in at least one of the four: the languages people commonly name. */
  common: boolean;
}

interface NameIndex {
  byCode: Map<string, LanguageNames>;
  /** Every distinct normalized name of each code, and the code itself: what a search is compared with. */
  keys: { key: string; code: string }[];
  /** Normalized name -> the codes it names exactly. */
  exact: Map<string, string[]>;
}

let index: NameIndex | null = null;

/**
 * CLDR's names of a code, through Node's Intl.DisplayNames, in NAME_LANGUAGES order. Intl canonicalizes a
 * code before naming it and maps many individual languages to their macrolanguage (quz -> qu, "quechua";
 * ayr -> ay): such a name is not the language's own, so it counts only when the canonical code is the code
 * itself or its ISO 639-1 form. English is asked first: CLDR names no language in es, pt or fr that it does
 * not name in English, and skipping the others for the ~7,200 codes it does not know halves the build.
 */
function cldrNames(displays: Intl.DisplayNames[], code: string): (string | undefined)[] {
  const canonical = Intl.getCanonicalLocales(code)[0];
  if (canonical !== code && canonical !== iso6391(code)) return displays.map(() => undefined);
  if (displays[ENGLISH].of(code) === undefined) return displays.map(() => undefined);
  return displays.map((display) => display.of(code));
}

const ENGLISH = NAME_LANGUAGES.indexOf('en');

/** Builds the index on first use (about 8,000 codes, see docs/api.md for its cost). */
function nameIndex(): NameIndex {
  if (index) return index;
  const displays = NAME_LANGUAGES.map((language) => new Intl.DisplayNames([language], { type: 'language', fallback: 'none' }));
  const byCode = new Map<string, LanguageNames>();
  const keys: NameIndex['keys'] = [];
  const exact = new Map<string, string[]>();
  for (const code of LANGUAGE_CODES) {
    const reference = languageName(code)!;
    const cldr = cldrNames(displays, code);
    const names = Object.fromEntries(NAME_LANGUAGES.map((language, i) => [language, cldr[i] ?? reference])) as Record<NameLanguage, string>;
    byCode.set(code, { code, names, common: cldr.some((name) => name !== undefined) });
    const distinct = new Set([code, normalizeName(reference), ...Object.values(names).map(normalizeName)]);
    for (const key of distinct) {
      keys.push({ key, code });
      exact.set(key, [...(exact.get(key) ?? []), code]);
    }
  }
  index = { byCode, keys, exact };
  return index;
}

/**
 * Builds the index now rather than at the first search that needs it (about 0.4 s of CPU and 6 MB): a
 * subgraph that searches calls it before it listens (SubgraphDefinition.warmUp), so no request waits.
 */
export function warmLanguageNames(): void {
  nameIndex();
}

/** The names of a code, or undefined for a code outside ISO 639-3. */
export function languageNames(code: string): LanguageNames | undefined {
  return nameIndex().byCode.get(code);
}

/**
 * The codes whose name (in any of the four languages, or the reference name) is exactly this text once
 * normalized: "kiche", "K'iche'" and "quiché" give quc. For a search word that may name a language.
 */
export function languagesNamed(text: string): string[] {
  return nameIndex().exact.get(normalizeName(text)) ?? [];
}

const collators = Object.fromEntries(NAME_LANGUAGES.map((language) => [language, new Intl.Collator(language)])) as Record<
  NameLanguage,
  Intl.Collator
>;

/** How well a normalized name matches a normalized search: 0 exact, 1 prefix of the name or of one of its words, 2 inside it. */
function matchRank(key: string, search: string): number | undefined {
  if (key === search) return 0;
  if (key.startsWith(search) || key.includes(` ${search}`)) return 1;
  if (key.includes(search)) return 2;
  return undefined;
}

/**
 * The codes whose name or code matches a search, best first: exact matches, then prefixes (of the name or
 * of a word of it), then substrings; within a rank the languages CLDR names before the others, then by name
 * in `language`, then by code. At most `limit`.
 */
export function findLanguages(search: string, language: NameLanguage, limit: number): string[] {
  const wanted = normalizeName(search);
  if (wanted === '') return [];
  const { keys, byCode } = nameIndex();
  const best = new Map<string, number>();
  for (const { key, code } of keys) {
    const rank = matchRank(key, wanted);
    if (rank !== undefined && rank < (best.get(code) ?? Infinity)) best.set(code, rank);
  }
  const collator = collators[language];
  return [...best]
    .map(([code, rank]) => ({ rank, entry: byCode.get(code)! }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        Number(b.entry.common) - Number(a.entry.common) ||
        collator.compare(a.entry.names[language], b.entry.names[language]) ||
        a.entry.code.localeCompare(b.entry.code),
    )
    .slice(0, limit)
    .map(({ entry }) => entry.code);
}
