import type { Context } from '../kit/context';
import { ServiceType } from './entities/service.entity';
import type { Loaders } from './loaders';
import { canSeeShelterDetails, isLoggedRead } from './visibility';

/** What a confidential read is about: a service, its type and its organization. */
export type ReadService = { id: string; type: ServiceType; organizationId: string };

/**
 * Logs a viewer's read of what is more precise than a shelter's public cell (its address, free beds,
 * exact position, exact distance) where the rule asks it (isLoggedRead: an AUTHORITY, not a member), and
 * says whether the viewer may read it at all. Awaited before the value is given: when the access log
 * cannot be written, the value is not given either. The loader writes one row per service and request.
 */
export async function mayReadShelterDetails(ctx: Context<Loaders>, serviceId: string, organizationId: string): Promise<boolean> {
  const { scope } = await ctx.loaders.visibility();
  if (!canSeeShelterDetails(scope, organizationId)) return false;
  if (isLoggedRead(ctx.viewer, scope, organizationId)) await ctx.loaders.shelterAccess.load(serviceId);
  return true;
}

/**
 * Logs the reads of the shelters among `services` whose details the viewer sees, in one batch: a near
 * search measures those from their exact position, so the page's membership, order and distances tell
 * more than the public cell, whichever fields the client reads.
 */
export async function logExactShelterReads(ctx: Context<Loaders>, services: readonly ReadService[]): Promise<void> {
  const shelters = services.filter((service) => service.type === ServiceType.SHELTER);
  await Promise.all(shelters.map((service) => mayReadShelterDetails(ctx, service.id, service.organizationId)));
}
