import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { Country } from '../entities/country.reference';
import { Organization } from '../entities/organization.entity';
import { Service } from '../entities/service.entity';
import type { Loaders } from '../loaders';
import { COUNTRY_SERVICES_LIMIT, serviceCriteria } from '../service-search';
import { visibilityOf } from '../visibility';
import { ServiceFilter } from './service.args';

/** The fields this subgraph adds to Country (owned by authorities). */
@Resolver(() => Country)
export class CountryOrganizationsResolver {
  @FieldResolver(() => [Organization], { description: 'Verified organizations based in the country, by name.' })
  organizations(@Root() country: Country, @Ctx() { loaders, viewer }: Context<Loaders>): Promise<Organization[]> {
    return loaders.organizationsByCountry(visibilityOf(viewer)).load(country.code);
  }

  @FieldResolver(() => [Service], {
    description: `Services of verified organizations offered in the country, by name; at most ${COUNTRY_SERVICES_LIMIT}.`,
  })
  services(
    @Root() country: Country,
    @Arg('filter', () => ServiceFilter, { nullable: true, description: 'All given criteria must match; its country is ignored.' })
    filter: ServiceFilter | null,
    @Ctx() { loaders, viewer }: Context<Loaders>,
  ): Promise<Service[]> {
    const criteria = serviceCriteria({ ...filter, country: null });
    return loaders.servicesInCountries({ criteria, visibility: visibilityOf(viewer) }).load(country.code);
  }
}
