import type { DataSource } from 'typeorm';
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

/** Gives the account the role, replacing the one it had; the user's next sign-in carries it. */
export async function grantRole(db: DataSource, change: RoleChange): Promise<User> {
  const country = change.country ? normalizeCountryCode(change.country) : null;
  if (change.role === Role.AUTHORITY && !country) {
    throw badInput('AUTHORITY needs `country`, the ISO code of an OAS Member State.', 'country');
  }
  const authorityId = change.authorityId ? byId.parse(change.authorityId) : null;
  if (change.authorityId && (change.role !== Role.AUTHORITY || authorityId === null)) {
    throw badInput('authorityId goes with AUTHORITY and is the id of a national authority.', 'authorityId');
  }
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
