import type { Viewer } from '../platform/auth';
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
  /**
   * The viewer's id as memberships store it when memberOf is not empty, else null: SQL reads the viewer's
   * organizations through it (membershipsSql), never from a list of memberOf.
   */
  member: string | null;
  /** Whose shelters' address, free beds and exact position the viewer sees: every one, or those of memberOf. */
  shelterDetails: 'ALL' | 'MEMBER_OF';
}

const ALL_STATUSES = Object.values(VerificationStatus);

/**
 * The Secretariat sees every organization and every shelter; an AUTHORITY the details of every shelter
 * it can see, but organizations only once VERIFIED; a member also sees its own organizations, whatever
 * their status, and their shelters; everyone else VERIFIED organizations and no shelter details.
 * `memberOf` lists the organizations the viewer is a member of (none for an anonymous viewer), as read from
 * the memberships of `memberId` (the viewer's id as memberships store it; null when it has none).
 */
export function visibilityFor(viewer: Viewer | null, memberId: string | null, memberOf: string[]): Visibility {
  if (viewer?.role === 'SECRETARIAT') return { organizationStatuses: ALL_STATUSES, memberOf: [], member: null, shelterDetails: 'ALL' };
  const mine = viewer ? [...memberOf].sort() : [];
  if (mine.length > 0 && memberId === null) throw new Error('visibilityFor: memberships without the id they were read for');
  return {
    organizationStatuses: [VerificationStatus.VERIFIED],
    memberOf: mine,
    member: mine.length > 0 ? memberId : null,
    shelterDetails: viewer?.role === 'AUTHORITY' ? 'ALL' : 'MEMBER_OF',
  };
}

/**
 * SQL of the ids of the organizations the viewer is a member of (a subquery of memberships), with its
 * parameter; null when it is a member of none. The statement's text is the same whatever the number of
 * memberships: a list of them (`IN (?, ?, ...)`) made a new text, so a new prepared statement, each time
 * a member joined one more organization. On SQLite that one was prepared on every request and pushed the
 * others out of TypeORM's statement cache; each such better-sqlite3 statement holds native memory (about
 * 180 bytes per listed id) that is freed only when V8 collects its small JS wrapper, which it rarely
 * does: the RSS of the subgraph grew by hundreds of MB under steady load while the JS heap stayed flat.
 */
export function membershipsSql(visibility: Visibility): { sql: string; parameters: Record<string, unknown> } | null {
  if (visibility.member === null) return null;
  return {
    sql: '(SELECT vm.organization_id FROM memberships vm WHERE vm.user_id = :visibleMember)',
    parameters: { visibleMember: visibility.member },
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
  const { organizationStatuses: statuses } = visibility;
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
  const memberships = membershipsSql(visibility);
  if (memberships) {
    Object.assign(parameters, memberships.parameters);
    terms.push(`${idSql} IN ${memberships.sql}`);
  }
  return { sql: terms.length === 0 ? '1 = 0' : `(${terms.join(' OR ')})`, parameters };
}

/** May the viewer read the address and free beds of this organization's shelters, and their exact position? */
export function canSeeShelterDetails(visibility: Visibility, organizationId: string): boolean {
  return visibility.shelterDetails === 'ALL' || visibility.memberOf.includes(organizationId);
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
