import { createHash, type KeyObject } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../platform/config';
import type { Viewer } from '../platform/auth';
import { badInput, unauthenticated } from '../platform/errors';
import { newId } from '../kit/ids';
import { inTransaction } from '../kit/transaction';
import { User } from './entities/user.entity';
import { assertStrongPassword, newAccountEmail, newAccountName, normalizeEmail } from './credentials';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { pruneRevocations, revokeTokens } from './revocations';
import { revokeAllOf, startSession } from './sessions';
import { countAttempt, forgetAttempts, type Limit } from './throttle';
import { signAccessToken } from './tokens';

export const viewerOf = (user: User): Viewer => ({
  id: user.id,
  role: user.role,
  country: user.countryCode,
  authorityId: user.authorityId,
});

/** What a sign-in or a renewal answers: an access token made from the user row as given, and the session's refresh token. */
export interface SignedIn {
  token: string;
  /** The access token's own `exp`. */
  expiresAt: Date;
  refreshToken: string;
  user: User;
}

/**
 * The access token carries the user's role as the row has it now; only accounts holds the key (tokens.ts).
 * `notBefore` (ms): issued after it, so that a revocation written at that time does not reach it.
 */
export function signedIn(user: User, refreshToken: string, signingKey: KeyObject, config: Config, notBefore = 0): SignedIn {
  const now = Math.max(Date.now(), notBefore + 1);
  return { ...signAccessToken(viewerOf(user), signingKey, config.tokenTtlSeconds, now), refreshToken, user };
}

/** Where a request comes from, as the throttles count it: the client's address the gateway names, or the peer. */
export const addressOf = (clientAddress: string | undefined): string => clientAddress ?? 'unknown';

const signInLimit = (config: Config): Limit => ({
  scope: 'sign-in',
  max: config.signIn.maxFailures,
  windowSeconds: config.signIn.failureWindowSeconds,
  what: 'failed sign-ins for this e-mail from this address',
});

const signUpLimit = (config: Config): Limit => ({
  scope: 'sign-up',
  max: config.signIn.signUpsPerHour,
  windowSeconds: 3600,
  what: 'sign-ups from this address',
});

/** Creates an account whose fields are already checked and normalised; the e-mail must be free (the unique index holds it). */
export async function createUser(
  manager: EntityManager,
  fields: { email: string; password: string; name: string },
  extra: Partial<User> = {},
): Promise<User> {
  const user = Object.assign(new User(), {
    id: newId(),
    email: normalizeEmail(fields.email),
    name: fields.name.trim(),
    passwordHash: await hashPassword(fields.password),
    role: null,
    countryCode: null,
    authorityId: null,
    createdAt: new Date(),
    ...extra,
  });
  await manager.getRepository(User).insert(user);
  return user;
}

const wrongCredentials = () => unauthenticated('The e-mail or the password is not right.');

/**
 * The same UNAUTHENTICATED answer for an unknown e-mail and a wrong password (and the same work: the decoy
 * hash), so that sign-in tells nobody which e-mails have accounts. The attempt is counted for this e-mail
 * from this address before the password is checked (throttle.ts), so concurrent guesses cannot outrun the
 * limit, and guesses from one address do not lock the owner out from another; success forgives them.
 */
export async function authenticate(
  db: DataSource,
  config: Config,
  emailGiven: string,
  password: string,
  address: string,
  refusal: () => Error = wrongCredentials,
): Promise<User> {
  const email = normalizeEmail(emailGiven);
  // A digest of the e-mail: of bounded length whatever NFKC made of it, and no e-mail kept in the throttle table.
  const subject = `${createHash('sha256').update(email).digest('base64url')} ${address}`;
  await countAttempt(db, signInLimit(config), subject);
  const user = await db.getRepository(User).findOneBy({ email });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !user.passwordHash || !valid) throw refusal();
  await forgetAttempts(db, signInLimit(config), subject);
  return user;
}

/**
 * Signs up, and never says "this e-mail has an account": for an e-mail that has one, signUp is login (the
 * right password signs in, any other gets login's own UNAUTHENTICATED, counted by the same throttle), so it
 * tells a caller nothing that login would not. Every valid sign-up counts against its address (SIGNUP_RATE_LIMIT):
 * that an e-mail is taken still shows as "signUp did not create an account", at that rate at most.
 */
export async function signUp(
  db: DataSource,
  config: Config,
  input: { email: string; password: string; name: string },
  address: string,
): Promise<{ user: User; created: boolean }> {
  const email = newAccountEmail(input.email);
  const name = newAccountName(input.name);
  assertStrongPassword(input.password, [email, name]);
  await countAttempt(db, signUpLimit(config), address);
  if (await db.getRepository(User).existsBy({ email })) {
    return { user: await authenticate(db, config, email, input.password, address), created: false };
  }
  try {
    return { user: await inTransaction(db, (manager) => createUser(manager, { email, name, password: input.password })), created: true };
  } catch (error) {
    // Taken meanwhile by a concurrent sign-up: the unique index refused the second row.
    if (!(await db.getRepository(User).existsBy({ email }))) throw error;
    return { user: await authenticate(db, config, email, input.password, address), created: false };
  }
}

/**
 * Changes the signed-in user's password. The current one is checked like a sign-in (the same throttle,
 * for the user's e-mail from this address), so a stolen access token cannot guess it faster than login
 * could. On success every session of the user ends and a new one starts: the payload's refresh token is
 * the only one that still works, and every access token issued until `revokedAt` is revoked (revocations.ts),
 * the payload's own is issued after. A refused change writes nothing (but the throttle's count).
 */
export async function changePassword(
  db: DataSource,
  config: Config,
  userId: string,
  passwords: { current: string; next: string },
  address: string,
): Promise<{ user: User; refreshToken: string; revokedAt: number }> {
  const account = await db.getRepository(User).findOneBy({ id: userId });
  if (!account) throw unauthenticated();
  assertStrongPassword(passwords.next, [account.email, account.name], 'newPassword');
  const user = await authenticate(db, config, account.email, passwords.current, address, () =>
    unauthenticated('The current password is not right.'),
  );
  if (passwords.next.normalize('NFC') === passwords.current.normalize('NFC')) {
    throw badInput('newPassword must differ from the current one.', 'newPassword');
  }
  const passwordHash = await hashPassword(passwords.next);
  const changed = await inTransaction(db, async (manager) => {
    const now = new Date();
    await manager.getRepository(User).update({ id: user.id }, { passwordHash });
    await revokeAllOf(manager, user.id, now);
    const revokedAt = await revokeTokens(manager, user.id, 'password', now.getTime());
    return { user: Object.assign(user, { passwordHash }), refreshToken: await startSession(manager, config, user.id, now), revokedAt };
  });
  await pruneRevocations(db);
  return changed;
}
