import type { DataSource } from 'typeorm';
import { userError } from '../platform/errors';
import { Throttle } from './entities/throttle.entity';

/** A kind of attempt and how many of them a subject may make per window. */
export interface Limit {
  scope: 'sign-in' | 'sign-up' | 'account-lookup';
  max: number;
  windowSeconds: number;
  /** What the refusal says is limited. */
  what: string;
}

/**
 * Counts an attempt of `subject`, or refuses it with TOO_MANY_ATTEMPTS when `max` were already counted in
 * the window (which starts at the first of them). Counting is one UPDATE that both checks and increments,
 * so concurrent attempts cannot all pass the check before any is counted; it runs before the work it
 * guards (the password check), and is shared by every replica since it lives in the database.
 */
export async function countAttempt(db: DataSource, limit: Limit, subject: string, now = new Date()): Promise<void> {
  const repository = db.getRepository(Throttle);
  await pruneNowAndThen(db, limit, now);
  await repository
    .createQueryBuilder()
    .insert()
    .values({ scope: limit.scope, subject, attempts: 0, windowStart: now })
    .orIgnore()
    .execute();
  const expired = new Date(now.getTime() - limit.windowSeconds * 1000);
  const restart = 'window_start <= :expired';
  const counted = await repository
    .createQueryBuilder()
    .update()
    // MySQL assigns left to right: `attempts` must be set while window_start still holds the old value.
    .set({
      attempts: () => `CASE WHEN ${restart} THEN 1 ELSE attempts + 1 END`,
      windowStart: () => `CASE WHEN ${restart} THEN :now ELSE window_start END`,
    })
    .where('scope = :scope AND subject = :subject', { scope: limit.scope, subject })
    .andWhere(`(attempts < :max OR ${restart})`, { max: limit.max, expired, now })
    .execute();
  if (counted.affected !== 0) return;
  const row = await repository.findOneBy({ scope: limit.scope, subject });
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil(((row?.windowStart.getTime() ?? now.getTime()) + limit.windowSeconds * 1000 - now.getTime()) / 1000),
  );
  throw userError('TOO_MANY_ATTEMPTS', `Too many ${limit.what}; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, {
    retryAfterSeconds,
  });
}

/** How many attempts a process counts between two prunings of the rows whose window is over. */
const PRUNE_EVERY = 200;
let sincePruned = 0;

/**
 * Rows whose window is over count for nothing (the next attempt starts a new window): every PRUNE_EVERY
 * attempts they are deleted, so that guesses at many e-mails do not grow the table for ever.
 */
async function pruneNowAndThen(db: DataSource, limit: Limit, now: Date): Promise<void> {
  sincePruned += 1;
  if (sincePruned < PRUNE_EVERY) return;
  sincePruned = 0;
  await db
    .getRepository(Throttle)
    .createQueryBuilder()
    .delete()
    .where('scope = :scope AND window_start <= :expired', {
      scope: limit.scope,
      expired: new Date(now.getTime() - limit.windowSeconds * 1000),
    })
    .execute();
}

/** Forgets the attempts of `subject`: a successful sign-in forgives the failures before it. */
export async function forgetAttempts(db: DataSource, limit: Limit, subject: string): Promise<void> {
  await db.getRepository(Throttle).update({ scope: limit.scope, subject }, { attempts: 0 });
}
