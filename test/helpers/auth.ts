import { randomUUID } from 'node:crypto';
import { signToken } from '../../services/platform/auth';
import type { Role, Viewer } from '../../services/platform/auth';
import { TEST_JWT_SECRET } from './config';

/** A viewer of the given role (a fresh id unless one is given). */
export function viewer(role: Role | null = null, country: string | null = null, id: string = randomUUID()): Viewer {
  return { id, role, country, authorityId: null };
}

/** A token the test graph accepts, as accounts would sign it at login. */
export function tokenFor(who: Viewer, ttlSeconds = 3600): string {
  return signToken(who, TEST_JWT_SECRET, ttlSeconds);
}

/** The Authorization header of a viewer, for TestGraph.query. */
export const asViewer = (who: Viewer): Record<string, string> => ({ authorization: `Bearer ${tokenFor(who)}` });
