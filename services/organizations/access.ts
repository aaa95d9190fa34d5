import type { Context } from '../kit/context';
import { forbidden, notFound } from '../platform/errors';
import { Organization, VerificationStatus } from './entities/organization.entity';
import type { Loaders } from './loaders';

/**
 * The one ownership rule of this subgraph: an organization's services are changed by its members while
 * it is PENDING (they prepare them; visibility.ts keeps them from the public until it is VERIFIED) or
 * VERIFIED, and by the Secretariat; not while it is SUSPENDED. What the caller may not even see answers NOT_FOUND, as an
 * unknown id would (`what` names the thing looked up), so that a hidden organization stays hidden.
 */
export async function assertCanEditServices(
  ctx: Context<Loaders>,
  organization: Organization | null,
  what: 'organization' | 'service',
): Promise<Organization> {
  const missing = () => notFound(`No ${what} with this id.`);
  if (!organization) throw missing();
  if (ctx.viewer?.role === 'SECRETARIAT') return organization;
  const visibility = await ctx.loaders.visibility();
  if (!visibility.scope.memberOf.includes(organization.id)) {
    if (!(await visibility.organizations.canSee(organization))) throw missing();
    throw forbidden('Only members of the organization and the Secretariat may add or change its services.');
  }
  if (organization.status === VerificationStatus.SUSPENDED) {
    throw forbidden(`The organization is ${organization.status}: its services cannot change until the Secretariat verifies it again.`);
  }
  return organization;
}
