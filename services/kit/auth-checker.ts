import type { AuthChecker } from 'type-graphql';
import { forbidden, unauthenticated } from '../platform/errors';
import type { Context } from './context';

/**
 * `@Authorized()` needs a signed-in viewer; `@Authorized('SECRETARIAT', ...)` one of those roles.
 * Throws our own coded errors, so a client always sees UNAUTHENTICATED (saying so when its token expired or
 * is invalid) or FORBIDDEN.
 */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  const { viewer, tokenRefused } = context;
  // Without its HTTP 401: the rest of the operation (public fields) is answered as for an anonymous caller.
  if (!viewer) throw unauthenticated(tokenRefused?.message);
  if (roles.length > 0 && !(viewer.role && roles.includes(viewer.role))) {
    throw forbidden(`Only ${roles.join(' or ')} may do this.`);
  }
  return true;
};
