import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { Viewer } from '../../platform/auth';
import { UUID_PATTERN } from '../../kit/ids';
import { groupLoader, rowLoader } from '../../kit/loaders';
import { Membership } from '../entities/membership.entity';
import { OrganizationCountry } from '../entities/organization-country.entity';
import { Organization } from '../entities/organization.entity';
import { Service } from '../entities/service.entity';
import { Shelter } from '../entities/shelter.entity';
import { ServiceCriteria, servicesInCountries } from '../service-search';
import { Visibility, visibilityFor, visibleOrganizationsSql } from '../visibility';
import { shelterAccessLoader } from './shelter-access.loader';

/**
 * One loader per distinct parameter value (a visibility, a filter), made on first use: fields with the
 * same arguments on many parents (Country.services of 35 countries) share one batch, so one statement.
 */
function loaderFamily<P, K, V>(make: (params: P) => DataLoader<K, V>): (params: P) => DataLoader<K, V> {
  const loaders = new Map<string, DataLoader<K, V>>();
  return (params) => {
    const key = JSON.stringify(params);
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
  return viewer && UUID_PATTERN.test(viewer.id) ? viewer.id.toLowerCase() : null;
}

/** A promise made on first call and kept for the request; `reset` forgets it (after a write). */
function lazy<T>(make: () => Promise<T>): (() => Promise<T>) & { reset: () => void } {
  let promise: Promise<T> | null = null;
  return Object.assign(() => (promise ??= make()), { reset: () => (promise = null) });
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
  const viewerVisibility = lazy(async () => {
    // The Secretariat sees everything: its memberships change nothing.
    if (!userId || viewer?.role === 'SECRETARIAT') return visibilityFor(viewer, null, []);
    const memberships = await db.getRepository(Membership).findBy({ userId });
    return visibilityFor(viewer, userId, memberships.map((m) => m.organizationId));
  });
  return {
    visibility: viewerVisibility,
    /** Appends the reads of confidential shelter fields to the access log: one INSERT per tick. */
    shelterAccess: shelterAccessLoader(db, viewer),
    organization: rowLoader((ids: string[]) => organizations.findBy({ id: In(ids) }), (o) => o.id),
    service: rowLoader((ids: string[]) => services.findBy({ id: In(ids) }), (s) => s.id),
    shelter: rowLoader(
      (ids: string[]) => db.getRepository(Shelter).findBy({ serviceId: In(ids) }),
      (s) => s.serviceId,
    ),
    countriesServed: groupLoader(
      (ids: string[]) =>
        db.getRepository(OrganizationCountry).find({ where: { organizationId: In(ids) }, order: { countryCode: 'ASC' } }),
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
    /** Organizations based in each country, of the statuses the viewer sees. */
    organizationsByCountry: loaderFamily((visibility: Visibility) =>
      groupLoader((codes: string[]) => {
        const visible = visibleOrganizationsSql(visibility, 'o.id', 'o.status');
        return organizations
          .createQueryBuilder('o')
          .where('o.country_code IN (:...codes)', { codes })
          .andWhere(visible.sql, visible.parameters)
          .orderBy('o.name', 'ASC')
          .addOrderBy('o.id', 'ASC')
          .getMany();
      }, (o) => o.countryCode),
    ),
    /** Services offered in each country that the viewer sees and that meet the criteria. */
    servicesInCountries: loaderFamily(({ criteria, visibility }: { criteria: ServiceCriteria; visibility: Visibility }) =>
      groupLoader((codes: string[]) => servicesInCountries(db, criteria, visibility, codes), (s) => s.countryCode),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
