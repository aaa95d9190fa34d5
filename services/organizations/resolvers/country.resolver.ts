import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { FirstArg, pageSize } from '../../kit/pagination';
import { Country } from '../entities/references';
import { Organization } from '../entities/organization.entity';
import { Service } from '../entities/service.entity';
import type { Loaders } from '../loaders';
import { serviceCriteria } from '../service-criteria';
import { logExactShelterReads } from '../shelter-reads';
import { ServiceFilter } from './service.args';

/** The fields this subgraph adds to Country (owned by authorities). */
@Resolver(() => Country)
export class CountryOrganizationsResolver {
  @FieldResolver(() => [Organization], {
    nullable: true,
    description: "Verified organizations based in the country, by name (and the viewer's own; every one for the Secretariat).",
  })
  async organizations(
    @Root() country: Country,
    @FirstArg() first: number | null,
    @Ctx() { loaders }: Context<Loaders>,
  ): Promise<Organization[]> {
    return loaders.organizationsByCountry({ first: pageSize(first), visibility: await loaders.visibility() }).load(country.code);
  }

  @FieldResolver(() => [Service], {
    nullable: true,
    description: 'Services of verified organizations offered in the country, by name.',
  })
  async services(
    @Root() country: Country,
    @Arg('filter', () => ServiceFilter, { nullable: true, description: 'All given criteria must match; its country is ignored.' })
    filter: ServiceFilter | null,
    @FirstArg() first: number | null,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Service[]> {
    const criteria = serviceCriteria({ ...filter, country: null });
    const size = pageSize(first);
    const services = await ctx.loaders
      .servicesInCountries({ criteria, visibility: await ctx.loaders.visibility(), first: size })
      .load(country.code);
    // Within a radius of exact positions: as for the root services (shelter-reads.ts).
    if (criteria.near) await logExactShelterReads(ctx, services);
    return services;
  }
}
