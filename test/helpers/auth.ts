import { createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import type { Role, Viewer } from '../../services/platform/auth';
import { signAccessToken } from '../../services/accounts/tokens';
import { TEST_KEYS } from './config';

/** The test graphs' keys as key objects: accounts' private one, and the public one every process checks with. */
export const testSigningKey = createPrivateKey(TEST_KEYS.privateKey);
export const testVerifyingKey = createPublicKey(TEST_KEYS.publicKey);

/** A viewer of the given role (a fresh id unless one is given). */
export function viewer(role: Role | null = null, country: string | null = null, id: string = randomUUID()): Viewer {
  return { id, role, country, authorityId: null };
}

/** A token the test graph accepts, as accounts would sign it at login. */
export function tokenFor(who: Viewer, ttlSeconds = 3600): string {
  return signAccessToken(who, testSigningKey, ttlSeconds).token;
}

/** The Authorization header of a viewer, for TestGraph.query. */
export const asViewer = (who: Viewer): Record<string, string> => ({ authorization: `Bearer ${tokenFor(who)}` });
