import type { Viewer } from '../platform/auth';
import { forbidden } from '../platform/errors';
import type { Visibility } from '../kit/visibility';
import type { User } from './entities/user.entity';

/**
 * Who sees an account (its name, role, country and e-mail): the user themself, and the Secretariat, who
 * administers accounts; nobody else, as `me` and `users` already had it. A User reference of the gateway
 * (`_entities`) follows the same rule, so that no one reads another person's name and role by asking this
 * subgraph directly for an id. The one field of another subgraph that refers to users, ShelterAccess.viewer,
 * is read by the Secretariat only. Made from the viewer where it is used, not once per request: signUp and
 * login sign the request in as the user they return.
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
 * The e-mail, or FORBIDDEN: `email` is non-null in the contract, so it cannot answer null instead. A user
 * the viewer may not see is already null (lookups.ts); this holds wherever else a User is returned.
 */
export function visibleEmail(viewer: Viewer | null, user: User): string {
  if (!accountVisibility(viewer).canSee(user)) throw forbidden("Only the user themself and the Secretariat may read a user's e-mail.");
  return user.email;
}
