/** One entry of the ISO 639-3 code table, as the iso-639-3 package ships it (SIL's list, maintained upstream). */
interface LanguageEntry {
  iso6393: string;
  name: string;
  scope: 'individual' | 'macrolanguage' | 'special' | 'local';
}

// The package's entry point is a JSON file with no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ENTRIES: LanguageEntry[] = require('iso-639-3');
const BY_CODE = new Map(ENTRIES.map((entry) => [entry.iso6393, entry]));

/** True for a code of the ISO 639-3 table, e.g. spa, quc, hat, que. */
export function isLanguageCode(code: unknown): boolean {
  return typeof code === 'string' && BY_CODE.has(code);
}

/** The English name of a code, for messages. */
export function languageName(code: string): string | undefined {
  return BY_CODE.get(code)?.name;
}
