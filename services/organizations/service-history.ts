import type { EntityManager } from 'typeorm';
import { changedFields, type FieldChange } from '../kit/change-log';
import { OrganizationChangeKind } from './entities/organization-change.entity';
import type { Organization } from './entities/organization.entity';
import type { Service } from './entities/service.entity';
import type { Shelter } from './entities/shelter.entity';
import { recordOrganizationChange } from './history';

/** What the history follows of a service and its shelter, as the GraphQL types name the fields. */
export interface ServiceSnapshot {
  name: string;
  description: string | null;
  city: string | null;
  languages: readonly string[];
  populations: readonly string[];
  free: boolean;
  phone: string | null;
  hours: string | null;
  latitude: number | null;
  longitude: number | null;
  coverage: string;
  archived: boolean;
  'shelter.kind': string | null;
  'shelter.capacity': number | null;
  'shelter.minAge': number | null;
  'shelter.maxAge': number | null;
  'shelter.address': string | null;
  'shelter.availableBeds': number | null;
}

export const TRACKED: readonly (keyof ServiceSnapshot)[] = [
  'name',
  'description',
  'city',
  'languages',
  'populations',
  'free',
  'phone',
  'hours',
  'latitude',
  'longitude',
  'coverage',
  'archived',
  'shelter.kind',
  'shelter.capacity',
  'shelter.minAge',
  'shelter.maxAge',
  'shelter.address',
  'shelter.availableBeds',
];

/** The fields of a service (and its shelter, when it has one) the history follows. */
export function snapshot(service: Service, shelter: Shelter | null): ServiceSnapshot {
  const { name, description, city, languages, populations, free, phone, hours, latitude, longitude, coverage, archived } = service;
  return {
    ...{ name, description, city, languages, populations, free, phone, hours, latitude, longitude, coverage, archived },
    'shelter.kind': shelter?.kind ?? null,
    'shelter.capacity': shelter?.capacity ?? null,
    'shelter.minAge': shelter?.minAge ?? null,
    'shelter.maxAge': shelter?.maxAge ?? null,
    'shelter.address': shelter?.address ?? null,
    'shelter.availableBeds': shelter?.availableBeds ?? null,
  };
}

const addressShown = (before: string | null, after: string | null) => (after === null ? null : before === null ? '(set)' : '(changed)');

/**
 * The tracked fields that differ between `before` (null: a new service) and `after`. A shelter's address is
 * never copied into the history, which outlives it: it shows as `(set)` where there was one (or one is given where
 * there was none), `(changed)` where it replaces another, and null where there is none.
 */
export function serviceChanges(before: ServiceSnapshot | null, after: ServiceSnapshot): FieldChange[] {
  return changedFields<ServiceSnapshot>(TRACKED, before, after).map((change) =>
    change.field === 'shelter.address'
      ? {
          field: change.field,
          oldValue: change.oldValue === null ? null : '(set)',
          newValue: addressShown(change.oldValue, change.newValue),
        }
      : change,
  );
}

/** Records a change of a service in the network's history, in the transaction of the write. */
export function recordServiceChange(
  manager: EntityManager,
  kind: OrganizationChangeKind,
  service: Service,
  organization: Organization,
  userId: string,
  at: Date,
  fields: FieldChange[],
): Promise<void> {
  return recordOrganizationChange(manager, {
    kind,
    organizationId: organization.id,
    serviceId: service.id,
    countryCode: organization.countryCode,
    userId,
    at,
    fields,
  });
}
