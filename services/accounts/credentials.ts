import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { badInput } from '../platform/errors';
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from '../kit/input-limits';

/** A password of fewer distinct characters is refused (`aaaaaaaaaaaa`, twelve spaces, `abcabcabcabc`). */
export const MIN_DISTINCT_PASSWORD_CHARACTERS = 6;

/**
 * The least zxcvbn score a password must reach (0 to 4; 3: "safely unguessable", under 10^10 guesses is
 * below it). zxcvbn-ts scores it offline against its lists of common passwords, names and words, keyboard
 * walks, dates and repeats: `password1234`, `qwertyuiop12` and `iloveyou2026` score 1.
 */
export const MIN_PASSWORD_SCORE = 3;

/** zxcvbn's time grows with the length; a longer password is scored on its start (the rest only helps). */
const SCORED_LENGTH = 100;

let estimator: ZxcvbnFactory | undefined;

/** Why a password is too weak, or undefined; `related` are the account's own words (its e-mail, its name). */
export function passwordWeakness(password: string, related: string[] = []): string | undefined {
  if (new Set(password.normalize('NFC')).size < MIN_DISTINCT_PASSWORD_CHARACTERS) {
    return `must hold at least ${MIN_DISTINCT_PASSWORD_CHARACTERS} different characters`;
  }
  // Built on first use: its dictionaries take a moment to index, and only sign-ups need them.
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const words = related.flatMap((text) => [text, ...text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3)]);
  if (estimator.check(password.slice(0, SCORED_LENGTH), words).score < MIN_PASSWORD_SCORE) {
    return 'is too easy to guess (a common password, a name, a keyboard pattern or a variation of one); choose a longer one of unrelated words';
  }
  return undefined;
}

/** Compared and stored this way: NFKC (full-width and ligature forms fold to plain ones), trimmed, lower case. */
export const normalizeEmail = (email: string): string => email.normalize('NFKC').trim().toLowerCase();

/**
 * Scripts whose letters may share one part of an address; Japanese mixes three, and digits, `.`, `-`, `_`
 * belong to none. Two scripts in the local part or in the domain make a look-alike (a Cyrillic `а` among
 * Latin letters), which is refused.
 */
const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Japanese', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /[\p{Script=Hangul}\p{Script=Han}]/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
];

function scriptsOf(text: string): Set<string> {
  const scripts = new Set<string>();
  for (const character of text) {
    if (!/[\p{L}\p{M}]/u.test(character) || /\p{Script=Inherited}/u.test(character)) continue;
    const script = SCRIPTS.find(([, pattern]) => pattern.test(character));
    scripts.add(script ? script[0] : `other:${character}`);
  }
  return scripts;
}

/** Han belongs to two groups: a part is mixed when no single group holds all of its letters. */
function mixesScripts(part: string): boolean {
  const letters = [...part].filter((c) => /[\p{L}\p{M}]/u.test(c) && !/\p{Script=Inherited}/u.test(c));
  if (letters.length === 0) return false;
  if (scriptsOf(part).size <= 1) return false;
  return !SCRIPTS.some(([, pattern]) => letters.every((c) => pattern.test(c)));
}

/** The e-mail to store: normalised, or BAD_USER_INPUT when its local part or its domain mixes scripts. */
export function newAccountEmail(given: string): string {
  const email = normalizeEmail(given);
  // NFKC can lengthen it (one character may become 18): the column holds MAX_EMAIL_LENGTH.
  if (email.length > MAX_EMAIL_LENGTH) throw badInput(`email must be at most ${MAX_EMAIL_LENGTH} characters.`, 'email');
  const at = email.lastIndexOf('@');
  const [local, domain] = [email.slice(0, at), email.slice(at + 1)];
  if (mixesScripts(local) || domain.split('.').some(mixesScripts)) {
    throw badInput(
      'email mixes letters of different scripts (such as a Cyrillic "а" among Latin letters); type it in one script.',
      'email',
    );
  }
  return email;
}

/** The name to store: trimmed, and not empty once trimmed. */
export function newAccountName(given: string): string {
  const name = given.trim();
  if (name.length === 0) throw badInput('name must not be empty or only spaces.', 'name');
  if (name.length > MAX_NAME_LENGTH) throw badInput(`name must be at most ${MAX_NAME_LENGTH} characters.`, 'name');
  return name;
}

/** BAD_USER_INPUT on `field` for a weak password (passwordWeakness; its length is checked by the input type). */
export function assertStrongPassword(password: string, related: string[] = [], field = 'password'): void {
  const weakness = passwordWeakness(password, related);
  if (weakness) throw badInput(`${field} ${weakness}.`, field);
}
