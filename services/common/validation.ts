import { badInput } from './errors';
import { normalizeCountryCode } from './countries';

export const MAX_SEARCH_LENGTH = 200;

/** A trimmed search term, or null when blank; refuses an overlong one. */
export function searchTerm(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value.length > MAX_SEARCH_LENGTH) {
    throw badInput(`search is at most ${MAX_SEARCH_LENGTH} characters.`, 'search');
  }
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A LIKE pattern matching the term anywhere, with %, _ and ! taken literally. Use it with
 * `LIKE :x ESCAPE '!'`: a backslash escape would need different quoting on MySQL and SQLite.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";
export function containsPattern(term: string): string {
  return `%${term.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** An upper-case Member State code for a filter; a code that is none is the client's mistake. */
export function countryFilter(code: string | null | undefined, field = 'country'): string | null {
  if (code === null || code === undefined) return null;
  const normalized = normalizeCountryCode(code);
  if (!normalized) throw badInput(`"${code.slice(0, 10)}" is not the ISO code of an OAS Member State.`, field);
  return normalized;
}
