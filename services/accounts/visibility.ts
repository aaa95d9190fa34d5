import type { Viewer } from '../platform/auth';
import { forbidden } from '../platform/errors';
import type { User } from './entities/user.entity';

/** Who may read a user's e-mail: the user themself and the Secretariat, who administers accounts. */
export function canSeeEmail(viewer: Viewer | null, user: User): boolean {
  return viewer !== null && (viewer.id === user.id || viewer.role === 'SECRETARIAT');
}

/** The e-mail, or FORBIDDEN: `email` is non-null in the contract, so it cannot answer null instead. */
export function visibleEmail(viewer: Viewer | null, user: User): string {
  if (!canSeeEmail(viewer, user)) throw forbidden("Only the user themself and the Secretariat may read a user's e-mail.");
  return user.email;
}
