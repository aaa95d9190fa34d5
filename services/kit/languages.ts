/** One entry of the ISO 639-3 code table, as the iso-639-3 package ships it (SIL's list, maintained upstream). */
interface LanguageEntry {
  iso6393: string;
  name: string;
  scope: 'individual' | 'macrolanguage' | 'special' | 'local';
}

// The package's entry point is a JSON file with no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON file with no type declarations
const ENTRIES = require('iso-639-3') as LanguageEntry[];
/** The codes of the table but its reserved local-use range (qaa-qtz): every language a name can be looked up for. */
export const LANGUAGE_CODES: readonly string[] = ENTRIES.filter((entry) => entry.scope !== 'local').map((entry) => entry.iso6393);
const BY_CODE = new Map(ENTRIES.map((entry) => [entry.iso6393, entry]));

/** True for a code of the ISO 639-3 table, e.g. spa, quc, hat, que. */
export function isLanguageCode(code: unknown): boolean {
  return typeof code === 'string' && BY_CODE.has(code);
}

/** The English name of a code, for messages. */
export function languageName(code: string): string | undefined {
  return BY_CODE.get(code)?.name;
}

/** One record of the IANA Language Subtag Registry (BCP 47), as the language-subtag-registry package ships it. */
interface SubtagRecord {
  Type: string;
  Subtag?: string;
  Macrolanguage?: string;
  Deprecated?: string;
}

// ISO 639-1 to 639-3 (e.g. qu -> que): the registry names a macrolanguage by its shortest code.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON file with no type declarations
const TO_1 = require('iso-639-3/to-1.json') as Record<string, string>;
const FROM_1 = new Map(Object.entries(TO_1).map(([three, one]) => [one, three]));

/** The ISO 639-1 code of a language that has one (spa -> es), as CLDR prefers it. */
export function iso6391(code: string): string | undefined {
  return TO_1[code];
}

let individuals: Map<string, string[]> | null = null;
let macrolanguages: Map<string, string> | null = null;

/**
 * The individual languages of each macrolanguage (que: quz, quy, ...), current codes only. The IANA
 * registry carries SIL's ISO 639-3 macrolanguage mappings and is updated with every change to them;
 * read on first use, as it is large.
 */
function macrolanguageMembers(): Map<string, string[]> {
  if (individuals) return individuals;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- large: read on first use, not at import
  const registry = require('language-subtag-registry/data/json/registry.json') as SubtagRecord[];
  const members = new Map<string, string[]>();
  for (const record of registry) {
    if (record.Type !== 'language' || !record.Macrolanguage || !record.Subtag || record.Deprecated) continue;
    const macro = FROM_1.get(record.Macrolanguage) ?? record.Macrolanguage;
    if (!BY_CODE.has(record.Subtag)) continue;
    members.set(macro, [...(members.get(macro) ?? []), record.Subtag]);
  }
  individuals = members;
  macrolanguages = new Map([...members].flatMap(([macro, codes]) => codes.map((code) => [code, macro] as const)));
  return members;
}

/** The macrolanguage an individual language belongs to (quz -> que), if any. */
export function macrolanguageOf(code: string): string | undefined {
  macrolanguageMembers();
  return macrolanguages!.get(code);
}

/** The individual languages of a macrolanguage (que -> quz, quy, ...); empty for any other code. */
export function individualLanguagesOf(code: string): string[] {
  return macrolanguageMembers().get(code) ?? [];
}

/** The codes a language filter matches: the code itself and, for a macrolanguage, its individual languages. */
export function languagesMatching(code: string): string[] {
  return [code, ...(macrolanguageMembers().get(code) ?? [])];
}
