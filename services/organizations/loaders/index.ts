import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { Viewer } from '../../platform/auth';
import { byId } from '../../kit/entity-reference';
import { engineOf } from '../../kit/full-text';
import { groupLoader, lazy, rowLoader } from '../../kit/loaders';
import { whereVisible } from '../../kit/visibility';
import { Membership } from '../entities/membership.entity';
import { OrganizationCountry } from '../entities/organization-country.entity';
import { Organization } from '../entities/organization.entity';
import { Service } from '../entities/service.entity';
import { Shelter } from '../entities/shelter.entity';
import type { ServiceCriteria } from '../service-criteria';
import { servicesInCountries } from '../service-query';
import { OrganizationsVisibility, scopeFor, visibilityOf } from '../visibility';
import { shelterAccessLoader } from './shelter-access.loader';

/**
 * One loader per distinct parameter value (a visibility, a filter), made on first use: fields with the
 * same arguments on many parents (Country.services of 35 countries) share one batch, so one statement.
 * `keyOf` gives the value as plain data.
 */
function loaderFamily<P, K, V>(make: (params: P) => DataLoader<K, V>, keyOf: (params: P) => unknown): (params: P) => DataLoader<K, V> {
  const loaders = new Map<string, DataLoader<K, V>>();
  return (params) => {
    const key = JSON.stringify(keyOf(params));
    let loader = loaders.get(key);
    if (!loader) {
      loader = make(params);
      loaders.set(key, loader);
    }
    return loader;
  };
}

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
  const byName = { name: 'ASC', id: 'ASC' } as const;
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
    servicesByOrganization: groupLoader(
      (ids: string[]) => services.find({ where: { organizationId: In(ids) }, order: byName }),
      (s) => s.organizationId,
    ),
    membershipsByUser: groupLoader(
      (ids: string[]) =>
        db.getRepository(Membership).find({ where: { userId: In(ids) }, order: { createdAt: 'ASC', organizationId: 'ASC' } }),
      (m) => m.userId,
    ),
    /** Organizations based in each country that the viewer sees. */
    organizationsByCountry: loaderFamily(
      (visibility: OrganizationsVisibility) =>
        groupLoader(
          (codes: string[]) => {
            const query = organizations.createQueryBuilder('o').where('o.country_code IN (:...codes)', { codes });
            return whereVisible(query, visibility.organizations).orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').getMany();
          },
          (o) => o.countryCode,
        ),
      (visibility) => visibility.scope,
    ),
    /** Services offered in each country that the viewer sees and that meet the criteria. */
    servicesInCountries: loaderFamily(
      ({ criteria, visibility }: { criteria: ServiceCriteria; visibility: OrganizationsVisibility }) =>
        groupLoader(
          (codes: string[]) => servicesInCountries(db, criteria, visibility, codes),
          (s) => s.countryCode,
        ),
      ({ criteria, visibility }) => ({ criteria, scope: visibility.scope }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
