import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Phone numbers in international format, checked against libphonenumber's full metadata (number plans
 * of every country, maintained upstream), not a pattern of ours. A number must start with + and its
 * country calling code: the directory serves callers from every Member State.
 */
export function e164(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed.startsWith('+')) return null;
  const number = parsePhoneNumberFromString(trimmed);
  return number?.isValid() ? number.number : null;
}

/** A stored number as people write it internationally (+502 2222 3333); one stored before validation as it is. */
export function internationalFormat(stored: string): string {
  return parsePhoneNumberFromString(stored)?.formatInternational() ?? stored;
}
