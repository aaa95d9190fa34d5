import type { EntityManager } from 'typeorm';
import { recordChange, type FieldChange } from '../kit/change-log';
import { OrganizationChange, OrganizationChangeKind } from './entities/organization-change.entity';

export { changedFields } from '../kit/change-log';

/**
 * Appends one entry to the network's history, in the transaction of the write it records (kit/change-log.ts).
 * Every write of this subgraph calls it: organizations, memberships, services, shelters.
 */
export async function recordOrganizationChange(
  manager: EntityManager,
  change: {
    kind: OrganizationChangeKind;
    organizationId: string;
    serviceId?: string | null;
    countryCode: string;
    userId: string;
    at: Date;
    fields: FieldChange[];
  },
): Promise<void> {
  await recordChange(manager, OrganizationChange, { serviceId: null, ...change });
}
