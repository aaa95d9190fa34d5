import type { Context } from '../kit/context';
import { assertActiveAuthorityOf } from './authority-check';
import { normalizeCountryCode } from '../kit/countries';
import { byId } from '../kit/entity-reference';
import { inTransaction } from '../kit/transaction';
import { badInput, notFound } from '../platform/errors';
import { Role, User } from './entities/user.entity';

/** A role to give an account: an AUTHORITY works for a country, and may name its national authority. */
export interface RoleChange {
  userId: string;
  role: Role;
  country?: string | null;
  authorityId?: string | null;
}

/**
 * Gives the account the role, replacing the one it had; the user's next sign-in carries it. An AUTHORITY
 * needs a Member State, and the authority it names must be an active one of that State (asked of the
 * directory before anything is written).
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
  return inTransaction(db, async (manager) => {
    const users = manager.getRepository(User);
    const userId = byId.parse(change.userId);
    const user = userId ? await users.findOneBy({ id: userId }) : null;
    if (!user) throw notFound('No account has this id.');
    const authority = change.role === Role.AUTHORITY;
    Object.assign(user, { role: change.role, countryCode: authority ? country : null, authorityId: authority ? authorityId : null });
    await users.save(user);
    return user;
  });
}
