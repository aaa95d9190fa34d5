import type { Context } from '../../kit/context';
import { UUID_PATTERN } from '../../kit/ids';
import type { Organization } from '../entities/organization.entity';
import type { Service } from '../entities/service.entity';
import type { Loaders } from '../loaders';
import { canSeeOrganization } from '../visibility';

/**
 * Lookups by id shared by the root queries and __resolveReference: null for a malformed or unknown id
 * and for what the viewer may not see, so that hidden rows are indistinguishable from missing ones.
 */
export async function findOrganization(ctx: Context<Loaders>, id: string): Promise<Organization | null> {
  if (!UUID_PATTERN.test(id)) return null;
  const organization = await ctx.loaders.organization.load(id.toLowerCase());
  return organization && canSeeOrganization(await ctx.loaders.visibility(), organization) ? organization : null;
}

/** A service is visible when its organization is. */
export async function findService(ctx: Context<Loaders>, id: string): Promise<Service | null> {
  if (!UUID_PATTERN.test(id)) return null;
  const service = await ctx.loaders.service.load(id.toLowerCase());
  if (!service) return null;
  return (await findOrganization(ctx, service.organizationId)) ? service : null;
}
