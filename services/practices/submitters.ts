import type { Context } from '../kit/context';
import type { Viewer } from '../platform/auth';
import { forbidden } from '../platform/errors';
import { querySubgraph } from '../kit/subgraph-client';

/** Membership is owned by the organizations subgraph: asked for the caller, with the caller's own token. */
const MEMBERSHIPS = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { organizations { id status } } } }';

interface MembershipsAnswer {
  _entities: ({ organizations?: { id: string; status: string }[] | null } | null)[];
}

export const WHO_MAY_SUBMIT = 'Only a member of a VERIFIED organization, an AUTHORITY or the SECRETARIAT may submit a practice.';

/** True when the organizations subgraph counts the viewer as a member of at least one VERIFIED organization. */
async function isMemberOfVerifiedOrganization(ctx: Context, viewer: Viewer): Promise<boolean> {
  const data = await querySubgraph<MembershipsAnswer>(
    ctx.config.subgraphUrls.organizations,
    MEMBERSHIPS,
    { r: [{ __typename: 'User', id: viewer.id }] },
    { authorization: ctx.authorization, requestId: ctx.requestId },
  );
  return (data._entities?.[0]?.organizations ?? []).some((organization) => organization.status === 'VERIFIED');
}

/**
 * Lets a signed-in viewer submit a practice, or throws FORBIDDEN. The roles are in the token; only a
 * viewer with neither role costs a request to the organizations subgraph.
 */
export async function assertMaySubmitPractice(ctx: Context, viewer: Viewer): Promise<void> {
  if (viewer.role === 'AUTHORITY' || viewer.role === 'SECRETARIAT') return;
  if (!(await isMemberOfVerifiedOrganization(ctx, viewer))) throw forbidden(WHO_MAY_SUBMIT);
}
