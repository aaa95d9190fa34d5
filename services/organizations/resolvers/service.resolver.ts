import { Arg, Args, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { paginateList } from '../../kit/keyset';
import { internationalFormat } from '../../kit/phone';
import { Country } from '../entities/references';
import { Organization } from '../entities/organization.entity';
import { Service, ServiceType } from '../entities/service.entity';
import { Shelter } from '../entities/shelter.entity';
import type { Loaders } from '../loaders';
import { serviceReference } from '../lookups';
import { serviceCriteria } from '../service-criteria';
import { FOUND_BY_COVERAGE, servicesQuery } from '../service-query';
import { logExactShelterReads, mayReadShelterDetails } from '../shelter-reads';
import { positionFor } from '../visibility';
import { ServiceConnection, ServiceOrder, ServicesArgs } from './service.args';

/** The position the viewer may see (positionFor); a logged viewer's read of a shelter's exact one is logged first. */
async function positionOf(service: Service, ctx: Context<Loaders>): Promise<{ latitude: number | null; longitude: number | null }> {
  const placed = service.latitude !== null || service.longitude !== null;
  if (service.type === ServiceType.SHELTER && placed) await mayReadShelterDetails(ctx, service.id, service.organizationId);
  return positionFor((await ctx.loaders.visibility()).scope, service);
}

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => ServiceConnection, {
    nullable: true,
    description:
      'Services of verified organizations (and of those the viewer is a member of; all for the Secretariat), archived ones left out: ' +
      'in the order of filter.orderBy: by default by distance with filter.near (then the NATIONAL services of the country the ' +
      'point lies in), by relevance then name with filter.search, by name otherwise.',
  })
  async services(@Args() { filter, ...page }: ServicesArgs, @Ctx() ctx: Context<Loaders>) {
    const criteria = serviceCriteria(filter);
    const result = await paginateList(servicesQuery(ctx.db, criteria, await ctx.loaders.visibility()), page);
    if (criteria.orderBy !== ServiceOrder.DISTANCE) return result;
    // The distance sorted by is the one shown: whole metres, or whole km for an obscured shelter; none for
    // a service found by its coverage.
    result.nodes.forEach((node, i) => {
      const key = result.keys[i][0] as number;
      node.distanceKm = key === FOUND_BY_COVERAGE ? null : key / 1000;
    });
    await logExactShelterReads(ctx, result.nodes);
    return result;
  }

  @Query(() => Service, {
    nullable: true,
    description: 'A service by id; null when none or the viewer may not see it (an archived one: only its members and the Secretariat).',
  })
  service(
    @Arg('id', () => ID, { description: 'The id of the service (UUID).' }) id: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Service | null> {
    return serviceReference.find(ctx, id);
  }

  @FieldResolver(() => Organization, { description: 'The organization that offers it.' })
  async organization(@Root() service: Service, @Ctx() { loaders }: Context<Loaders>): Promise<Organization> {
    const organization = await loaders.organization.load(service.organizationId);
    if (!organization) throw new Error(`service ${service.id} refers to unknown organization ${service.organizationId}`);
    return organization;
  }

  @FieldResolver(() => Country, { description: 'The country where it is offered.' })
  country(@Root() service: Service): Country {
    return { code: service.countryCode };
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Latitude; for SHELTER services never more precise than 0.1 degree unless the viewer may see the address. ' +
      "An authority's read of a shelter's exact position is written to the access log.",
  })
  async latitude(@Root() service: Service, @Ctx() ctx: Context<Loaders>): Promise<number | null> {
    return (await positionOf(service, ctx)).latitude;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Longitude, as precise as latitude.' })
  async longitude(@Root() service: Service, @Ctx() ctx: Context<Loaders>): Promise<number | null> {
    return (await positionOf(service, ctx)).longitude;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Contact phone in international format, e.g. +502 2222 3333.' })
  phone(@Root() service: Service): string | null {
    return service.phone === null ? null : internationalFormat(service.phone);
  }

  @FieldResolver(() => Shelter, { nullable: true, description: 'The shelter details; set for type SHELTER only.' })
  async shelter(@Root() service: Service, @Ctx() { loaders }: Context<Loaders>): Promise<Shelter | null> {
    if (service.type !== ServiceType.SHELTER) return null;
    const shelter = await loaders.shelter.load(service.id);
    // A copy that knows its organization, for ShelterResolver's confidential fields; the cached row stays as is.
    return shelter && Object.assign(new Shelter(), shelter, { organizationId: service.organizationId });
  }
}
