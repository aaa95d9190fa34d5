import { createHash } from 'node:crypto';

/**
 * A name as the duplicate rule compares it: compatibility-decomposed (NFKD), accents stripped, case-folded,
 * whitespace collapsed. "Casa  Esperanza" and "CASA ESPERANZA" and "Casa Esperánza" are one name.
 */
export function normalizedName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The key the unique index (country_code, name_key) holds: the SHA-256 of the normalised name, in hex.
 * A hash, because NFKD can make a name of 200 characters many times longer, and because hex compares the
 * same under SQLite's binary and MySQL's accent- and case-insensitive collations.
 */
export function nameKey(name: string): string {
  return createHash('sha256').update(normalizedName(name)).digest('hex');
}
