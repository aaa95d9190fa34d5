import { createHash, randomBytes } from 'node:crypto';
import { type DataSource, type EntityManager, LessThanOrEqual } from 'typeorm';
import type { Config } from '../platform/config';
import type { Logger } from '../platform/logger';
import { unauthenticated } from '../platform/errors';
import { newId } from '../kit/ids';
import { inTransaction } from '../kit/transaction';
import { RefreshToken } from './entities/refresh-token.entity';
import { User } from './entities/user.entity';

/**
 * Sessions: every sign-in starts a family of refresh tokens. A token is 32 random bytes (base64url) that
 * is shown once and kept only as its SHA-256, used once: `rotate` exchanges it for the next of its family.
 * A token presented again after its use was either stolen or raced, and nobody can tell which: the whole
 * family is revoked, so whoever holds its newest token must sign in again as well.
 */

const TOKEN_BYTES = 32;

const hashOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

const notValid = () => unauthenticated('This refresh token is not valid; sign in again.');

/** Adds a token to a family; the token itself, which is stored nowhere. */
async function issue(manager: EntityManager, config: Config, userId: string, familyId: string, now: Date): Promise<string> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  await manager.getRepository(RefreshToken).insert({
    id: newId(),
    userId,
    familyId,
    tokenHash: hashOf(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + config.refreshTokenTtlSeconds * 1000),
    usedAt: null,
    revokedAt: null,
  });
  return token;
}

/** Starts a session (a new family) for the user and returns its first refresh token; the user's expired rows go. */
export async function startSession(manager: EntityManager, config: Config, userId: string, now = new Date()): Promise<string> {
  await manager.getRepository(RefreshToken).delete({ userId, expiresAt: LessThanOrEqual(now) });
  return issue(manager, config, userId, newId(), now);
}

/** Ends every token of a family that is not ended yet. */
async function revokeFamily(manager: EntityManager, familyId: string, now: Date): Promise<void> {
  await manager
    .getRepository(RefreshToken)
    .createQueryBuilder()
    .update()
    .set({ revokedAt: now })
    .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
    .execute();
}

/** Ends every session of a user (a password change). */
export async function revokeAllOf(manager: EntityManager, userId: string, now = new Date()): Promise<void> {
  await manager
    .getRepository(RefreshToken)
    .createQueryBuilder()
    .update()
    .set({ revokedAt: now })
    .where('user_id = :userId AND revoked_at IS NULL', { userId })
    .execute();
}

type Rotation = { user: User; refreshToken: string } | { reused: RefreshToken } | { invalid: true };

/**
 * Exchanges a refresh token for the next of its family, with the user row as it is now (whose role the
 * new access token carries). The token is marked used by one conditional UPDATE, so of concurrent
 * exchanges of one token exactly one goes on; every other is a reuse, and ends the family. The
 * revocation is written in the same transaction as the check, so it also reaches the token the one
 * that went on has just added (on MySQL the losers' UPDATE waits for its commit).
 */
export async function rotate(
  db: DataSource,
  config: Config,
  log: Logger,
  token: string,
  now = new Date(),
): Promise<{ user: User; refreshToken: string }> {
  const rotation = await inTransaction(db, async (manager): Promise<Rotation> => {
    const tokens = manager.getRepository(RefreshToken);
    const row = await tokens.findOneBy({ tokenHash: hashOf(token) });
    if (!row || row.revokedAt || row.expiresAt <= now) return { invalid: true };
    const marked = await tokens
      .createQueryBuilder()
      .update()
      .set({ usedAt: now })
      .where('id = :id AND used_at IS NULL AND revoked_at IS NULL', { id: row.id })
      .execute();
    if (marked.affected !== 1) {
      await revokeFamily(manager, row.familyId, now);
      return { reused: row };
    }
    const user = await manager.getRepository(User).findOneBy({ id: row.userId });
    if (!user) return { invalid: true };
    return { user, refreshToken: await issue(manager, config, user.id, row.familyId, now) };
  });
  if ('reused' in rotation) {
    log.warn({ userId: rotation.reused.userId, familyId: rotation.reused.familyId }, 'refresh token reused; its session is revoked');
  }
  if (!('user' in rotation)) throw notValid();
  return rotation;
}

/**
 * Ends the session a refresh token belongs to (its whole family): true when some session had it, ended
 * already or not, false for a token nobody issued.
 */
export async function endSession(db: DataSource, token: string, now = new Date()): Promise<boolean> {
  return inTransaction(db, async (manager) => {
    const row = await manager.getRepository(RefreshToken).findOneBy({ tokenHash: hashOf(token) });
    if (!row) return false;
    await revokeFamily(manager, row.familyId, now);
    return true;
  });
}
