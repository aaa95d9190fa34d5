import { MoreThan, type EntityManager } from 'typeorm';
import { userError } from '../platform/errors';
import { LoginFailure } from './entities/login-failure.entity';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * After MAX_FAILURES failed sign-ins for one e-mail within the window, further tries are refused until
 * the oldest of them leaves the window, whether or not the password is right.
 */
export async function assertNotThrottled(manager: EntityManager, email: string, now = new Date()): Promise<void> {
  const recent = await manager.getRepository(LoginFailure).find({
    where: { email, at: MoreThan(new Date(now.getTime() - FAILURE_WINDOW_MS)) },
    order: { at: 'DESC' },
    take: MAX_FAILURES,
  });
  if (recent.length < MAX_FAILURES) return;
  const retryAt = new Date(recent[MAX_FAILURES - 1].at.getTime() + FAILURE_WINDOW_MS);
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60000));
  throw userError('TOO_MANY_ATTEMPTS', `Too many failed sign-ins for this e-mail; try again in ${minutes} minute(s).`, {
    retryAfterSeconds: Math.ceil((retryAt.getTime() - now.getTime()) / 1000),
  });
}

export async function recordFailure(manager: EntityManager, email: string): Promise<void> {
  await manager.getRepository(LoginFailure).insert({ email, at: new Date() });
}

/** A successful sign-in forgives earlier failures. */
export async function clearFailures(manager: EntityManager, email: string): Promise<void> {
  await manager.getRepository(LoginFailure).delete({ email });
}
