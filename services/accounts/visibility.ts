import type { Viewer } from '../platform/auth';
import { forbidden } from '../platform/errors';
import type { Visibility } from '../kit/visibility';
import type { User } from './entities/user.entity';

/**
 * Whose private fields (the e-mail) a viewer reads: its own, and everyone's for the Secretariat, who
 * administers accounts; the rest of a user is public. Made from the viewer where it is used, not once per
 * request: signUp and login sign the request in as the user they return.
 */
export function privateFieldsVisibility(viewer: Viewer | null): Visibility<User> {
  return {
    canSee: (user) => viewer !== null && (viewer.id === user.id || viewer.role === 'SECRETARIAT'),
    sql: (alias) => {
      if (viewer?.role === 'SECRETARIAT') return null;
      if (!viewer) return { sql: '1 = 0', parameters: {} };
      return { sql: `${alias}.id = :visibleUser`, parameters: { visibleUser: viewer.id } };
    },
  };
}

/** The e-mail, or FORBIDDEN: `email` is non-null in the contract, so it cannot answer null instead. */
export function visibleEmail(viewer: Viewer | null, user: User): string {
  if (!privateFieldsVisibility(viewer).canSee(user))
    throw forbidden("Only the user themself and the Secretariat may read a user's e-mail.");
  return user.email;
}
