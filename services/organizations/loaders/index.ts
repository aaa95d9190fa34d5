import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { Viewer } from '../../platform/auth';
import { byId } from '../../kit/entity-reference';
import { engineOf } from '../../kit/full-text';
import { firstOfEachLoader, groupLoader, lazy, loaderFamily, rowLoader } from '../../kit/loaders';
import { firstOfEach } from '../../kit/pagination';
import { whereVisible } from '../../kit/visibility';
import { Membership } from '../entities/membership.entity';
import { OrganizationCountry } from '../entities/organization-country.entity';
import { Organization } from '../entities/organization.entity';
import { Service } from '../entities/service.entity';
import { Shelter } from '../entities/shelter.entity';
import type { ServiceCriteria } from '../service-criteria';
import { servicesInCountries } from '../service-query';
import { OrganizationsVisibility, organizationsSql, scopeFor, visibilityOf } from '../visibility';
import { shelterAccessLoader } from './shelter-access.loader';

/** The order of the lists of each parent: by name (or age), then id, as the fields describe. */
const COUNTRY_ORGANIZATIONS = { parent: 'o.country_code', id: 'o.id', order: ['o.name', 'o.id'] };
const ORGANIZATION_SERVICES = { parent: 's.organization_id', id: 's.id', order: ['s.name', 's.id'] };
const ORGANIZATION_MEMBERS = { parent: 'm.organization_id', id: 'm.user_id', order: ['m.created_at', 'm.user_id'] };
const USER_MEMBERSHIPS = { parent: 'm.user_id', id: 'm.organization_id', order: ['m.created_at', 'm.organization_id'] };

/** The id memberships are stored under: a user id is a UUID, kept in lower case. */
export function memberId(viewer: Viewer | null): string | null {
  return viewer ? byId.parse(viewer.id) : null;
}

/**
 * Loaders of rows, whatever their visibility: resolvers decide what the viewer sees (visibility.ts),
 * from `visibility()`, which reads the viewer's memberships once per request.
 */
export function createLoaders(db: DataSource, viewer: Viewer | null = null) {
  const organizations = db.getRepository(Organization);
  const services = db.getRepository(Service);
  const userId = memberId(viewer);
  const organization = rowLoader(
    (ids: string[]) => organizations.findBy({ id: In(ids) }),
    (o) => o.id,
  );
  const visibility = lazy(async () => {
    // The Secretariat sees everything: its memberships change nothing.
    const memberships = userId && viewer?.role !== 'SECRETARIAT' ? await db.getRepository(Membership).findBy({ userId }) : [];
    const scope = scopeFor(
      viewer,
      userId,
      memberships.map((m) => m.organizationId),
    );
    return visibilityOf(scope, engineOf(db), (id) => organization.load(id));
  });
  return {
    /** What the viewer may see (visibility.ts): its memberships are read once per request, on first use. */
    visibility,
    /** Appends the reads of confidential shelter fields to the access log: one INSERT per tick. */
    shelterAccess: shelterAccessLoader(db, viewer),
    organization,
    service: rowLoader(
      (ids: string[]) => services.findBy({ id: In(ids) }),
      (s) => s.id,
    ),
    shelter: rowLoader(
      (ids: string[]) => db.getRepository(Shelter).findBy({ serviceId: In(ids) }),
      (s) => s.serviceId,
    ),
    countriesServed: groupLoader(
      (ids: string[]) => db.getRepository(OrganizationCountry).find({ where: { organizationId: In(ids) }, order: { countryCode: 'ASC' } }),
      (row) => row.organizationId,
    ),
    /** The first services of each organization, by name; archived ones only `withArchived`. */
    servicesByOrganization: loaderFamily(({ first, withArchived }: { first: number; withArchived: boolean }) =>
      groupLoader(
        (ids: string[]) => {
          const query = services.createQueryBuilder('s').where('s.organization_id IN (:...ids)', { ids });
          if (!withArchived) query.andWhere('s.archived = :archived', { archived: false });
          return firstOfEach(query, ORGANIZATION_SERVICES, first).getMany();
        },
        (s: Service) => s.organizationId,
      ),
    ),
    /** The first memberships of each organization, oldest first: for its members and the Secretariat (Organization.members). */
    membersByOrganization: firstOfEachLoader(
      (ids: string[], first) =>
        firstOfEach(
          db.getRepository(Membership).createQueryBuilder('m').where('m.organization_id IN (:...ids)', { ids }),
          ORGANIZATION_MEMBERS,
          first,
        ).getMany(),
      (m) => m.organizationId,
    ),
    /** The first memberships of each user in organizations the viewer sees, oldest first. */
    visibleMembershipsByUser: loaderFamily(
      ({ first, visibility }: { first: number; visibility: OrganizationsVisibility }) =>
        groupLoader(
          (ids: string[]) => {
            const query = db.getRepository(Membership).createQueryBuilder('m').where('m.user_id IN (:...ids)', { ids });
            const visible = organizationsSql(visibility.scope, 'm.organization_id', null);
            if (visible) query.andWhere(visible.sql, visible.parameters);
            return firstOfEach(query, USER_MEMBERSHIPS, first).getMany();
          },
          (m) => m.userId,
        ),
      ({ first, visibility }) => ({ first, scope: visibility.scope }),
    ),
    /** Organizations based in each country that the viewer sees. */
    organizationsByCountry: loaderFamily(
      ({ first, visibility }: { first: number; visibility: OrganizationsVisibility }) =>
        groupLoader(
          (codes: string[]) => {
            const query = organizations.createQueryBuilder('o').where('o.country_code IN (:...codes)', { codes });
            return firstOfEach(whereVisible(query, visibility.organizations), COUNTRY_ORGANIZATIONS, first).getMany();
          },
          (o) => o.countryCode,
        ),
      ({ first, visibility }) => ({ first, scope: visibility.scope }),
    ),
    /** Services offered in each country that the viewer sees and that meet the criteria. */
    servicesInCountries: loaderFamily(
      ({ criteria, visibility, first }: { criteria: ServiceCriteria; visibility: OrganizationsVisibility; first: number }) =>
        groupLoader(
          (codes: string[]) => servicesInCountries(db, criteria, visibility, codes, first),
          (s) => s.countryCode,
        ),
      ({ criteria, visibility, first }) => ({ criteria, scope: visibility.scope, first }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
