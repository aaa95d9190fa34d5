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

/** The VERIFIED organizations the organizations subgraph counts the viewer a member of. */
async function verifiedOrganizationsOf(ctx: Context, viewer: Viewer): Promise<string[]> {
  const data = await querySubgraph<MembershipsAnswer>(
    ctx.config.subgraphUrls.organizations,
    MEMBERSHIPS,
    { r: [{ __typename: 'User', id: viewer.id }] },
    { authorization: ctx.authorization, requestId: ctx.requestId },
  );
  const organizations = data._entities?.[0]?.organizations ?? [];
  return organizations.filter((organization) => organization.status === 'VERIFIED').map((organization) => organization.id);
}

/**
 * Lets a signed-in viewer submit a practice, or throws FORBIDDEN. The roles are in the token; only a
 * viewer with neither role costs a request to the organizations subgraph. Answers the VERIFIED
 * organizations of a viewer who submits as their member (none for an AUTHORITY or the SECRETARIAT, who
 * submit for their office): a practice that names no organization is linked to them.
 */
export async function assertMaySubmitPractice(ctx: Context, viewer: Viewer): Promise<{ memberOf: string[] }> {
  if (viewer.role === 'AUTHORITY' || viewer.role === 'SECRETARIAT') return { memberOf: [] };
  const memberOf = await verifiedOrganizationsOf(ctx, viewer);
  if (memberOf.length === 0) throw forbidden(WHO_MAY_SUBMIT);
  return { memberOf };
}
