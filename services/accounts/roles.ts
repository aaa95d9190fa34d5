import type { EntityManager } from 'typeorm';
import type { Context } from '../kit/context';
import { assertActiveAuthorityOf } from '../kit/authority-check';
import { normalizeCountryCode } from '../kit/countries';
import { byId } from '../kit/entity-reference';
import { inTransaction } from '../kit/transaction';
import { engineOf } from '../kit/full-text';
import { badInput, notFound } from '../platform/errors';
import { Role, User } from './entities/user.entity';
import { pruneRevocations, revokeTokens } from './revocations';

/** A role to give an account: an AUTHORITY works for a country, and may name its national authority. */
export interface RoleChange {
  userId: string;
  role: Role;
  country?: string | null;
  authorityId?: string | null;
}

/**
 * Gives the account the role, replacing the one it had; the user's next token (sign-in or renewal) carries it. An AUTHORITY
 * needs a Member State, and the authority it names must be an active one of that State (asked of the
 * directory before anything is written). When it changes the role, country or authority a user already had,
 * the user's access tokens are revoked (revocations.ts): they carry the old one. A first role needs no
 * revocation: the tokens held carry none.
 */
export async function grantRole(ctx: Context, change: RoleChange): Promise<User> {
  const { db } = ctx;
  const country = change.country ? normalizeCountryCode(change.country) : null;
  if (change.role === Role.AUTHORITY && !country) {
    throw badInput('AUTHORITY needs `country`, the ISO code of an OAS Member State.', 'country');
  }
  const authorityId = change.authorityId ? byId.parse(change.authorityId) : null;
  if (change.authorityId && (change.role !== Role.AUTHORITY || authorityId === null)) {
    throw badInput('authorityId goes with AUTHORITY and is the id of a national authority.', 'authorityId');
  }
  if (authorityId && country) await assertActiveAuthorityOf(ctx, authorityId, country);
  const { user, revoked } = await inTransaction(db, async (manager) => {
    const users = manager.getRepository(User);
    const userId = byId.parse(change.userId);
    const user = userId ? await users.findOneBy({ id: userId }) : null;
    if (!user) throw notFound('No account has this id.');
    if (change.role !== Role.SECRETARIAT) await assertNotLastSecretariat(manager, user);
    const authority = change.role === Role.AUTHORITY;
    const before = [user.role, user.countryCode, user.authorityId];
    Object.assign(user, { role: change.role, countryCode: authority ? country : null, authorityId: authority ? authorityId : null });
    await users.save(user);
    const changed = before[0] !== null && [user.role, user.countryCode, user.authorityId].some((value, i) => value !== before[i]);
    if (changed) await revokeTokens(manager, user.id, 'role');
    return { user, revoked: changed };
  });
  if (revoked) await pruneRevocations(db);
  return user;
}

/**
 * Takes the account's role (and its country and authority) away. Its refresh tokens keep working: the
 * next renewal gives an access token without the role; the access tokens it holds are revoked (revocations.ts),
 * and every process refuses them within REVOCATION_POLL_SECONDS.
 */
export async function revokeRole(ctx: Context, userIdGiven: string): Promise<User> {
  const revoked = await inTransaction(ctx.db, async (manager) => {
    const users = manager.getRepository(User);
    const userId = byId.parse(userIdGiven);
    const user = userId ? await users.findOneBy({ id: userId }) : null;
    if (!user) throw notFound('No account has this id.');
    await assertNotLastSecretariat(manager, user);
    Object.assign(user, { role: null, countryCode: null, authorityId: null });
    await users.save(user);
    await revokeTokens(manager, user.id, 'role');
    return user;
  });
  await pruneRevocations(ctx.db);
  return revoked;
}

/**
 * Refuses to take SECRETARIAT from the last account that has it, so that a deployment cannot lock itself
 * out of granting roles. On MySQL the Secretariat's rows are locked until the transaction ends, so two
 * members revoking each other take turns (SQLite runs transactions one at a time).
 */
async function assertNotLastSecretariat(manager: EntityManager, user: User): Promise<void> {
  if (user.role !== Role.SECRETARIAT) return;
  const query = manager.getRepository(User).createQueryBuilder('u').where('u.role = :role', { role: Role.SECRETARIAT });
  if (engineOf(manager.connection) === 'mysql') query.setLock('pessimistic_write');
  const secretariat = await query.getMany();
  if (secretariat.every((member) => member.id === user.id)) {
    throw badInput('This is the last SECRETARIAT account; grant SECRETARIAT to another account first.', 'userId');
  }
}
