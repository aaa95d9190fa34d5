import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { groupLoader, rowLoader } from '../../common/loaders';
import { Membership } from '../entities/membership.entity';
import { OrganizationCountry } from '../entities/organization-country.entity';
import { Organization } from '../entities/organization.entity';
import { Service } from '../entities/service.entity';
import { Shelter } from '../entities/shelter.entity';
import { ServiceCriteria, servicesInCountries } from '../service-search';
import type { Visibility } from '../visibility';

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

/** Loaders of rows, whatever their visibility: resolvers decide what the viewer sees (visibility.ts). */
export function createLoaders(db: DataSource) {
  const organizations = db.getRepository(Organization);
  const services = db.getRepository(Service);
  const byName = { name: 'ASC', id: 'ASC' } as const;
  return {
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
      groupLoader(
        async (codes: string[]) =>
          visibility.organizationStatuses.length === 0
            ? []
            : organizations.find({
                where: { countryCode: In(codes), status: In(visibility.organizationStatuses) },
                order: byName,
              }),
        (o) => o.countryCode,
      ),
    ),
    /** Services offered in each country that the viewer sees and that meet the criteria. */
    servicesInCountries: loaderFamily(({ criteria, visibility }: { criteria: ServiceCriteria; visibility: Visibility }) =>
      groupLoader((codes: string[]) => servicesInCountries(db, criteria, visibility, codes), (s) => s.countryCode),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
