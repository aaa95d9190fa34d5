import type { DataSource, EntityManager } from 'typeorm';
import { signToken } from '../platform/auth';
import type { Config } from '../platform/config';
import type { Viewer } from '../platform/auth';
import { badInput, unauthenticated } from '../platform/errors';
import { newId } from '../kit/ids';
import { User } from './entities/user.entity';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle';

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const viewerOf = (user: User): Viewer => ({
  id: user.id,
  role: user.role,
  country: user.countryCode,
  authorityId: user.authorityId,
});

export function tokenOf(user: User, jwtSecret: string, config: Config): string {
  return signToken(viewerOf(user), jwtSecret, config.tokenTtlSeconds);
}

/** Creates an account; the e-mail must be free. */
export async function createUser(
  manager: EntityManager,
  fields: { email: string; password: string; name: string },
  extra: Partial<User> = {},
): Promise<User> {
  const email = normalizeEmail(fields.email);
  const users = manager.getRepository(User);
  if (await users.existsBy({ email })) throw badInput('An account with this e-mail already exists; sign in instead.', 'email');
  const user = Object.assign(new User(), {
    id: newId(),
    email,
    name: fields.name.trim(),
    passwordHash: await hashPassword(fields.password),
    role: null,
    countryCode: null,
    authorityId: null,
    createdAt: new Date(),
    ...extra,
  });
  await users.insert(user);
  return user;
}

/**
 * The same UNAUTHENTICATED answer for an unknown e-mail and a wrong password (and the same work:
 * the decoy hash), so that sign-in tells nobody which e-mails have accounts.
 */
export async function authenticate(db: DataSource, emailGiven: string, password: string): Promise<User> {
  const email = normalizeEmail(emailGiven);
  await assertNotThrottled(db.manager, email);
  const user = await db.getRepository(User).findOneBy({ email });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !user.passwordHash || !valid) {
    await recordFailure(db.manager, email);
    throw unauthenticated('The e-mail or the password is not right.');
  }
  await clearFailures(db.manager, email);
  return user;
}
