import type { EntityManager } from 'typeorm';
import { changedFields as changedOf, recordChange, type FieldChange } from '../kit/change-log';
import { OrganizationChange, OrganizationChangeKind } from './entities/organization-change.entity';
import type { Organization } from './entities/organization.entity';

export { changedFields } from '../kit/change-log';

/** The fields of an organization the history follows, as the Organization type names them. */
export const TRACKED = ['name', 'kind', 'countriesServed', 'description', 'website', 'email', 'phone', 'status'] as const;
/** An organization's tracked fields: its columns, and the codes of the countries it serves, sorted. */
export type TrackedOrganization = Pick<Organization, Exclude<(typeof TRACKED)[number], 'countriesServed'>> & { countriesServed: string[] };

/** The tracked fields of an organization whose value differs between `before` (null: a new one) and `after`. */
export const organizationFields = (before: TrackedOrganization | null, after: TrackedOrganization): FieldChange[] =>
  changedOf<TrackedOrganization>(TRACKED, before, after);

/** A membership as the history shows it: the field `member`, the user id its new (or old) value. */
export const memberField = (userId: string, added: boolean): FieldChange =>
  added ? { field: 'member', oldValue: null, newValue: userId } : { field: 'member', oldValue: userId, newValue: null };

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
