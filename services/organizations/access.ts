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

/** Does the viewer administer this organization: is it one of its members, or the Secretariat? */
export async function managesOrganization(ctx: Context<Loaders>, organizationId: string): Promise<boolean> {
  if (ctx.viewer?.role === 'SECRETARIAT') return true;
  return (await ctx.loaders.visibility()).scope.memberOf.includes(organizationId);
}

/**
 * The rule of an organization's own profile and members: its members and the Secretariat change them, whatever
 * its status (a PENDING organization fixes its profile before the Secretariat decides; a SUSPENDED one before it
 * asks again). An organization the caller may not see is NOT_FOUND, as an unknown id; one it sees, FORBIDDEN.
 */
export async function assertManagesOrganization(ctx: Context<Loaders>, organization: Organization | null): Promise<Organization> {
  if (!organization) throw notFound('No organization with this id.');
  if (await managesOrganization(ctx, organization.id)) return organization;
  if (!(await (await ctx.loaders.visibility()).organizations.canSee(organization))) throw notFound('No organization with this id.');
  throw forbidden('Only members of the organization and the Secretariat may change its profile and members.');
}
