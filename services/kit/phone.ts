import { registerDecorator, ValidationOptions } from 'class-validator';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Phone numbers in international format, checked against libphonenumber's full metadata (number plans
 * of every country, maintained upstream), not a pattern of ours. A number must start with + and its
 * country calling code: the directory and the network serve callers from every Member State.
 * Every subgraph that stores a phone checks it here and stores it as e164() gives it (+50222223333).
 */
export function e164(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed.startsWith('+')) return null;
  const number = parsePhoneNumberFromString(trimmed);
  return number?.isValid() ? number.number : null;
}

/** A stored number as people write it internationally (+502 2222 3333); one stored before validation (not a valid number) as it is. */
export function internationalFormat(stored: string): string {
  const number = parsePhoneNumberFromString(stored);
  return number?.isValid() ? number.formatInternational() : stored;
}

/** A phone number in international format (+ and the country calling code) that libphonenumber knows to be valid; null passes. */
export function IsInternationalPhone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isInternationalPhone',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a valid number in international format, e.g. +502 2222 3333`, ...options },
      validator: { validate: (value: unknown) => value == null || (typeof value === 'string' && e164(value) !== null) },
    });
}
