import type { Viewer } from '../common/context';
import { Organization, VerificationStatus } from './entities/organization.entity';
import { Service, ServiceType } from './entities/service.entity';
import { coarsen } from './geo';

/**
 * What a viewer may see, as plain data: SQL queries filter with it, and per-request loaders of lists
 * are keyed by it. The one place that decides visibility in this subgraph.
 */
export interface Visibility {
  /** Statuses of the organizations whose profile and services the viewer sees. */
  organizationStatuses: VerificationStatus[];
  /** Organizations the viewer is a member of: seen whatever their status. */
  memberOf: string[];
  /** Organizations whose shelters' address, free beds and exact position the viewer sees ('ALL': every one). */
  shelterDetails: 'ALL' | string[];
}

const ALL_STATUSES = Object.values(VerificationStatus);

/**
 * The Secretariat sees every organization and every shelter; an AUTHORITY the details of every shelter
 * it can see, but organizations only once VERIFIED; a member also sees its own organizations, whatever
 * their status, and their shelters; everyone else VERIFIED organizations and no shelter details.
 * `memberOf` lists the organizations the viewer is a member of (none for an anonymous viewer).
 */
export function visibilityFor(viewer: Viewer | null, memberOf: string[]): Visibility {
  if (viewer?.role === 'SECRETARIAT') return { organizationStatuses: ALL_STATUSES, memberOf: [], shelterDetails: 'ALL' };
  const mine = viewer ? [...memberOf].sort() : [];
  return {
    organizationStatuses: [VerificationStatus.VERIFIED],
    memberOf: mine,
    shelterDetails: viewer?.role === 'AUTHORITY' ? 'ALL' : mine,
  };
}

export function canSeeOrganization(visibility: Visibility, organization: Organization): boolean {
  return visibility.organizationStatuses.includes(organization.status) || visibility.memberOf.includes(organization.id);
}

/**
 * SQL that holds for the organizations the viewer sees, given the SQL of an organization id and of its
 * status (null when the status is not at hand: a subquery then reads it).
 */
export function visibleOrganizationsSql(visibility: Visibility, idSql: string, statusSql: string | null) {
  const { organizationStatuses: statuses, memberOf } = visibility;
  const parameters: Record<string, unknown> = {};
  if (statuses.length === ALL_STATUSES.length) return { sql: '1 = 1', parameters };
  const terms: string[] = [];
  if (statuses.length > 0) {
    parameters.visibleStatuses = statuses;
    terms.push(
      statusSql
        ? `${statusSql} IN (:...visibleStatuses)`
        : `${idSql} IN (SELECT vo.id FROM organizations vo WHERE vo.status IN (:...visibleStatuses))`,
    );
  }
  if (memberOf.length > 0) {
    parameters.memberOf = memberOf;
    terms.push(`${idSql} IN (:...memberOf)`);
  }
  return { sql: terms.length === 0 ? '1 = 0' : `(${terms.join(' OR ')})`, parameters };
}

/** May the viewer read the address and free beds of this organization's shelters, and their exact position? */
export function canSeeShelterDetails(visibility: Visibility, organizationId: string): boolean {
  const details = visibility.shelterDetails;
  return details === 'ALL' || details.includes(organizationId);
}

/**
 * Is a read of this organization's confidential shelter fields logged? Those of an AUTHORITY are, unless
 * it is a member of the organization; the Secretariat's and members' are not (they administer the data).
 */
export function isLoggedRead(viewer: Viewer | null, visibility: Visibility, organizationId: string): boolean {
  return viewer?.role === 'AUTHORITY' && !visibility.memberOf.includes(organizationId);
}

/** A service's position as this viewer may see it: a shelter's is coarsened to 0.1 degree for most. */
export function positionFor(visibility: Visibility, service: Service): { latitude: number | null; longitude: number | null } {
  const { latitude, longitude } = service;
  if (service.type !== ServiceType.SHELTER || canSeeShelterDetails(visibility, service.organizationId)) {
    return { latitude, longitude };
  }
  return { latitude: latitude === null ? null : coarsen(latitude), longitude: longitude === null ? null : coarsen(longitude) };
}
