import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Country } from '../entities/references';
import { Organization } from '../entities/organization.entity';
import { Service } from '../entities/service.entity';
import type { Loaders } from '../loaders';
import { serviceCriteria } from '../service-criteria';
import { logExactShelterReads } from '../shelter-reads';
import { COUNTRY_SERVICES_LIMIT } from '../service-query';
import { ServiceFilter } from './service.args';

/** The fields this subgraph adds to Country (owned by authorities). */
@Resolver(() => Country)
export class CountryOrganizationsResolver {
  @FieldResolver(() => [Organization], {
    description: "Verified organizations based in the country, by name (and the viewer's own; every one for the Secretariat).",
  })
  async organizations(@Root() country: Country, @Ctx() { loaders }: Context<Loaders>): Promise<Organization[]> {
    return loaders.organizationsByCountry(await loaders.visibility()).load(country.code);
  }

  @FieldResolver(() => [Service], {
    description: `Services of verified organizations offered in the country, by name; at most ${COUNTRY_SERVICES_LIMIT}.`,
  })
  async services(
    @Root() country: Country,
    @Arg('filter', () => ServiceFilter, { nullable: true, description: 'All given criteria must match; its country is ignored.' })
    filter: ServiceFilter | null,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Service[]> {
    const criteria = serviceCriteria({ ...filter, country: null });
    const services = await ctx.loaders.servicesInCountries({ criteria, visibility: await ctx.loaders.visibility() }).load(country.code);
    // Within a radius of exact positions: as for the root services (shelter-reads.ts).
    if (criteria.near) await logExactShelterReads(ctx, services);
    return services;
  }
}
