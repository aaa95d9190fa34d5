import { badInput } from '../platform/errors';

/** No agreement of the register was signed before the OAS's work against trafficking began. */
export const EARLIEST_SIGNATURE = Date.UTC(1990, 0, 1);
/** The clock of a caller may run a little ahead of ours. */
const CLOCK_SKEW_MS = 60_000;

/** To the second: MySQL DATETIME keeps no fraction, so both stores answer the same instant. */
export const toTheSecond = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);

/** A signature date as given: not in the future (a minute of clock skew allowed, then now), not before 1990. */
export function signatureDate(signedOn: Date, now: Date, field = 'signedOn'): Date {
  if (Number.isNaN(signedOn.getTime())) throw badInput(`${field} is not a date.`, field);
  if (signedOn.getTime() > now.getTime() + CLOCK_SKEW_MS) throw badInput(`${field} cannot be in the future.`, field);
  if (signedOn.getTime() < EARLIEST_SIGNATURE) throw badInput(`${field} cannot be before 1990.`, field);
  return toTheSecond(signedOn.getTime() > now.getTime() ? now : signedOn);
}

/** The date of entry into force given with a signature date: not before it, and not before 1990 either. */
export function entryIntoForceDate(entryIntoForce: Date, signedOn: Date | null): Date {
  if (!signedOn) throw badInput('entryIntoForce needs signedOn: an agreement comes into force after every party signed.', 'entryIntoForce');
  if (Number.isNaN(entryIntoForce.getTime())) throw badInput('entryIntoForce is not a date.', 'entryIntoForce');
  if (entryIntoForce.getTime() < signedOn.getTime()) throw badInput('entryIntoForce cannot be before signedOn.', 'entryIntoForce');
  return toTheSecond(entryIntoForce);
}
