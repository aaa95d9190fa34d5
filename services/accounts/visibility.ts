import type { Viewer } from '../platform/auth';
import { forbidden } from '../platform/errors';
import type { Context } from '../kit/context';
import type { Visibility } from '../kit/visibility';
import { isColleague } from './colleagues';
import type { User } from './entities/user.entity';

/**
 * Who sees an account (its name, role, country and e-mail) in `me` and `users`: the user themself, and the
 * Secretariat, who administers accounts. A User reference of another subgraph (`_entities`) is seen by them
 * and by the members of an organization the user belongs to (referenceVisibility), so that no one else reads
 * another person's name and role by asking this subgraph for an id. ShelterAccess.reader is the
 * Secretariat's only. Made from the viewer where it is used, not once per request: signUp and login sign the
 * request in as the user they return.
 */
export function accountVisibility(viewer: Viewer | null): Visibility<User> {
  return {
    canSee: (user) => viewer !== null && (viewer.id === user.id || viewer.role === 'SECRETARIAT'),
    sql: (alias) => {
      if (viewer?.role === 'SECRETARIAT') return null;
      if (!viewer) return { sql: '1 = 0', parameters: {} };
      return { sql: `${alias}.id = :visibleUser`, parameters: { visibleUser: viewer.id } };
    },
  };
}

/**
 * Who sees an account as a User reference of another subgraph: as accountVisibility, and besides the
 * members of an organization the caller belongs to (Organization.members shows colleagues by name and
 * e-mail; they add each other by e-mail). Asked of the organizations subgraph (colleagues.ts).
 */
export function referenceVisibility(ctx: Context): Visibility<User> {
  const own = accountVisibility(ctx.viewer);
  return { canSee: (user) => own.canSee(user) || isColleague(ctx, user.id), sql: (alias) => own.sql(alias) };
}

/**
 * The e-mail, or FORBIDDEN: `email` is non-null in the contract, so it cannot answer null instead. A user
 * the viewer may not see is already null (lookups.ts); this holds wherever else a User is returned.
 */
export async function visibleEmail(ctx: Context, user: User): Promise<string> {
  if (!(await referenceVisibility(ctx).canSee(user))) {
    throw forbidden("Only the user themself, the members of an organization they belong to and the Secretariat may read a user's e-mail.");
  }
  return user.email;
}
