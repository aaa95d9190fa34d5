import type { Viewer } from '../platform/auth';
import type { Engine } from '../kit/full-text';
import type { SqlCondition, Visibility } from '../kit/visibility';
import { Organization, VerificationStatus } from './entities/organization.entity';
import { Service, ServiceType } from './entities/service.entity';
import { coarsen } from './geo';

/**
 * What a viewer may see, as plain data: per-request loaders of lists are keyed by it. The one place that
 * decides visibility in this subgraph; the Visibility of each entity (visibilityOf) is made from it.
 */
export interface Scope {
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
  /** Whose archived services the viewer sees (by id and in Organization.services, never in lists): every one, or those of memberOf. */
  archivedServices: 'ALL' | 'MEMBER_OF';
}

/** The viewer's visibility of this subgraph's entities, made once per request (loaders.visibility()). */
export interface OrganizationsVisibility {
  scope: Scope;
  organizations: Visibility<Organization>;
  /** A service is seen with its organization. */
  services: Visibility<Service>;
}

const ALL_STATUSES = Object.values(VerificationStatus);

/**
 * The Secretariat sees every organization and every shelter; an AUTHORITY the details of every shelter
 * it can see, but organizations only once VERIFIED; a member also sees its own organizations, whatever
 * their status, and their shelters; everyone else VERIFIED organizations and no shelter details.
 * `memberOf` lists the organizations the viewer is a member of (none for an anonymous viewer), as read from
 * the memberships of `memberId` (the viewer's id as memberships store it; null when it has none).
 */
export function scopeFor(viewer: Viewer | null, memberId: string | null, memberOf: string[]): Scope {
  if (viewer?.role === 'SECRETARIAT') {
    return { organizationStatuses: ALL_STATUSES, memberOf: [], member: null, shelterDetails: 'ALL', archivedServices: 'ALL' };
  }
  const mine = viewer ? [...memberOf].sort() : [];
  if (mine.length > 0 && memberId === null) throw new Error('scopeFor: memberships without the id they were read for');
  return {
    organizationStatuses: [VerificationStatus.VERIFIED],
    memberOf: mine,
    member: mine.length > 0 ? memberId : null,
    shelterDetails: viewer?.role === 'AUTHORITY' ? 'ALL' : 'MEMBER_OF',
    archivedServices: 'MEMBER_OF',
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
export function membershipsSql(scope: Scope): SqlCondition | null {
  if (scope.member === null) return null;
  return {
    sql: '(SELECT vm.organization_id FROM memberships vm WHERE vm.user_id = :visibleMember)',
    parameters: { visibleMember: scope.member },
  };
}

/**
 * SQL that holds for the organizations the viewer sees, given the SQL of an organization id and of its
 * status (null when the status is not at hand: a subquery then reads it); null when it sees every one.
 */
export function organizationsSql(scope: Scope, idSql: string, statusSql: string | null): SqlCondition | null {
  const { organizationStatuses: statuses } = scope;
  if (statuses.length === ALL_STATUSES.length) return null;
  const parameters: Record<string, unknown> = {};
  const terms: string[] = [];
  if (statuses.length > 0) {
    parameters.visibleStatuses = statuses;
    terms.push(
      statusSql
        ? `${statusSql} IN (:...visibleStatuses)`
        : `${idSql} IN (SELECT vo.id FROM organizations vo WHERE vo.status IN (:...visibleStatuses))`,
    );
  }
  const memberships = membershipsSql(scope);
  if (memberships) {
    Object.assign(parameters, memberships.parameters);
    terms.push(`${idSql} IN ${memberships.sql}`);
  }
  return { sql: terms.length === 0 ? '1 = 0' : `(${terms.join(' OR ')})`, parameters };
}

const canSeeOrganization = (scope: Scope, organization: Organization): boolean =>
  scope.organizationStatuses.includes(organization.status) || scope.memberOf.includes(organization.id);

/**
 * The Visibility of organizations and services for a scope. `organizationOf` loads a service's organization
 * (a DataLoader). Nine in ten services pass the test in SQL: it must never lead a query, the selective
 * filters' indexes (country, position, language, search) must. A list tests the service's copy of its
 * organization's status (Service.organizationStatus), which the list indexes hold: looking the organization
 * up instead cost a probe a row (30 to 50 ms to count a country of 14,000 services on MariaDB) or an
 * IN list of every visible organization built for each statement (8 ms on SQLite). On SQLite a unary +
 * keeps the planner from using an index of organization_id for the memberships.
 */
export function visibilityOf(
  scope: Scope,
  engine: Engine,
  organizationOf: (id: string) => Promise<Organization | null>,
): OrganizationsVisibility {
  const organizations: Visibility<Organization> = {
    canSee: (organization) => canSeeOrganization(scope, organization),
    sql: (alias) => organizationsSql(scope, `${alias}.id`, `${alias}.status`),
  };
  const services: Visibility<Service> = {
    canSee: async (service) => {
      if (service.archived && !seesArchivedServices(scope, service.organizationId)) return false;
      const organization = await organizationOf(service.organizationId);
      return organization !== null && canSeeOrganization(scope, organization);
    },
    sql: (alias) => organizationsSql(scope, `${engine === 'sqlite' ? '+' : ''}${alias}.organization_id`, `${alias}.organization_status`),
  };
  return { scope, organizations, services };
}

/** Does the viewer see this organization's archived services (its members and the Secretariat do)? */
export function seesArchivedServices(scope: Scope, organizationId: string): boolean {
  return scope.archivedServices === 'ALL' || scope.memberOf.includes(organizationId);
}

/** May the viewer read the address and free beds of this organization's shelters, and their exact position? */
export function canSeeShelterDetails(scope: Scope, organizationId: string): boolean {
  return scope.shelterDetails === 'ALL' || scope.memberOf.includes(organizationId);
}

/** SQL that holds for the shelters under `alias` whose exact position the viewer may not see; null when it sees every one. */
export function obscuredSql(alias: string, scope: Scope): string | null {
  if (scope.shelterDetails === 'ALL') return null;
  const memberships = membershipsSql(scope);
  const exempt = memberships ? ` AND ${alias}.organization_id NOT IN ${memberships.sql}` : '';
  return `(${alias}.type = '${ServiceType.SHELTER}'${exempt})`;
}

/**
 * Is a read of what is more precise than this organization's shelters' public cell logged (address, free
 * beds, exact position, exact distance)? Those of an AUTHORITY are, unless it is a member of the
 * organization; the Secretariat's and members' are not (they administer the data).
 */
export function isLoggedRead(viewer: Viewer | null, scope: Scope, organizationId: string): boolean {
  return viewer?.role === 'AUTHORITY' && !scope.memberOf.includes(organizationId);
}

/** A service's position as this viewer may see it: a shelter's is coarsened to 0.1 degree for most. */
export function positionFor(scope: Scope, service: Service): { latitude: number | null; longitude: number | null } {
  const { latitude, longitude } = service;
  if (service.type !== ServiceType.SHELTER || canSeeShelterDetails(scope, service.organizationId)) {
    return { latitude, longitude };
  }
  return { latitude: latitude === null ? null : coarsen(latitude), longitude: longitude === null ? null : coarsen(longitude) };
}
