import type { DataSource } from 'typeorm';
import { userError } from '../platform/errors';
import { Throttle } from './entities/throttle.entity';

/** A kind of attempt and how many of them a subject may make per window. */
export interface Limit {
  scope: 'sign-in' | 'sign-up';
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

/** Forgets the attempts of `subject`: a successful sign-in forgives the failures before it. */
export async function forgetAttempts(db: DataSource, limit: Limit, subject: string): Promise<void> {
  await db.getRepository(Throttle).update({ scope: limit.scope, subject }, { attempts: 0 });
}
