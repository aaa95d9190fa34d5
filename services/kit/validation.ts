import { isEmail, registerDecorator, validate, ValidationError, ValidationOptions } from 'class-validator';
import { badInput, userError } from '../platform/errors';
import { normalizeCountryCode } from './countries';
import { isLanguageCode } from './languages';

export const MAX_SEARCH_LENGTH = 200;

/** A visible character somewhere: a name of spaces only is no name. */
export const NOT_BLANK = /\S/;

/** http(s) only (class-validator's IsUrl options): no javascript:, data: or file: link ever reaches a page that shows it. */
export const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true };

/** The description of every `search` filter argument: what the full-text search (full-text.ts) does. */
export const SEARCH_DESCRIPTION =
  `Words to find (at most ${MAX_SEARCH_LENGTH} characters), case- and accent-insensitive; every word must match, the last ` +
  'one as a prefix; words under 3 letters and punctuation are ignored, and a search with no word left matches nothing. ' +
  'Results come by relevance (a hit in the name or title first), then by name or title.';

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

/**
 * type-graphql's validateFn for every subgraph: runs the class-validator decorators of input classes
 * (nested ones included) and answers BAD_USER_INPUT naming every field at fault, first one in `field`.
 */
export async function validateInput(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const problems: FieldProblem[] = [];
  for (const item of items) {
    if (item && typeof item === 'object')
      problems.push(...flatten(await validate(item, { forbidUnknownValues: false, skipMissingProperties: true })));
  }
  if (problems.length === 0) return;
  // A hostile input can fail thousands of times over; the answer stays small.
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
  const message = shown.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw badInputFields(`Some fields are not valid. ${message}${more}`, shown);
}

const MAX_PROBLEMS_SHOWN = 20;

interface FieldProblem {
  field: string;
  message: string;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function badInputFields(message: string, fields: FieldProblem[]) {
  return userError('BAD_USER_INPUT', message, { field: fields[0].field, fields });
}

/** Each item is an ISO 639-3 code from the maintained table (class-validator decorator). */
export function IsLanguageCodes(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isLanguageCodes',
      target: object.constructor,
      propertyName,
      options: { message: 'must be ISO 639-3 codes such as spa, quc or hat', ...options },
      validator: { validate: (value: unknown) => value == null || (Array.isArray(value) && value.every(isLanguageCode)) },
    });
}

/** An ISO 639-3 code from the maintained table. */
export function IsLanguageCode(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isLanguageCode',
      target: object.constructor,
      propertyName,
      options: { message: 'must be an ISO 639-3 code such as spa, por or fra', ...options },
      validator: { validate: (value: unknown) => value == null || isLanguageCode(value) },
    });
}

/** The ISO code of one of the 35 OAS Member States (upper case). */
export function IsMemberState(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isMemberState',
      target: object.constructor,
      propertyName,
      options: { message: 'must be the ISO code of an OAS Member State, e.g. GT', ...options },
      validator: {
        validate: (value: unknown) =>
          value == null ||
          (Array.isArray(value) ? value : [value]).every(
            (code) => typeof code === 'string' && normalizeCountryCode(code) === code.toUpperCase(),
          ),
      },
    });
}

/** An e-mail address once surrounding spaces are trimmed (they are trimmed before storing). */
export function IsEmailAddress(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isEmailAddress',
      target: object.constructor,
      propertyName,
      options: { message: 'must be an e-mail address such as name@example.org', ...options },
      validator: { validate: (value: unknown) => value == null || (typeof value === 'string' && isEmail(value.trim())) },
    });
}
