import { Arg, Args, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { paginate, paginateByKeys } from '../../kit/keyset';
import { Country } from '../entities/country.reference';
import { Organization } from '../entities/organization.entity';
import { Service, ServiceType } from '../entities/service.entity';
import { Shelter } from '../entities/shelter.entity';
import type { Loaders } from '../loaders';
import { serviceSortKeys } from '../service-order';
import { serviceCriteria, servicesQuery } from '../service-search';
import { positionFor } from '../visibility';
import { findService } from './lookup';
import { ServiceConnection, ServicesArgs } from './service.args';

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => ServiceConnection, {
    description:
      'Services of verified organizations (and of those the viewer is a member of; all for the Secretariat): ' +
      'by distance with filter.near, by relevance then name with filter.search, by name otherwise.',
  })
  async services(@Args() { filter, ...page }: ServicesArgs, @Ctx() { db, loaders }: Context<Loaders>) {
    const criteria = serviceCriteria(filter);
    const visibility = await loaders.visibility();
    const query = servicesQuery(db, criteria, visibility);
    const keys = serviceSortKeys(db, criteria, visibility, query.alias);
    if (!keys) return paginate(query, page, { column: 'name', property: 'name' });
    const result = await paginateByKeys(query, page, keys);
    // The distance sorted by is the one shown: whole metres, or whole km for an obscured shelter.
    if (criteria.near) result.nodes.forEach((node, i) => (node.distanceKm = (result.keys[i][0] as number) / 1000));
    return result;
  }

  @Query(() => Service, { nullable: true, description: 'A service by id; null when none or the viewer may not see it.' })
  service(@Arg('id', () => ID) id: string, @Ctx() ctx: Context<Loaders>): Promise<Service | null> {
    return findService(ctx, id);
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
    description: 'Latitude; for SHELTER services never more precise than 0.1 degree unless the viewer may see the address.',
  })
  async latitude(@Root() service: Service, @Ctx() { loaders }: Context<Loaders>): Promise<number | null> {
    return positionFor(await loaders.visibility(), service).latitude;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Longitude, as precise as latitude.' })
  async longitude(@Root() service: Service, @Ctx() { loaders }: Context<Loaders>): Promise<number | null> {
    return positionFor(await loaders.visibility(), service).longitude;
  }

  @FieldResolver(() => Shelter, { nullable: true, description: 'The shelter details; set for type SHELTER only.' })
  async shelter(@Root() service: Service, @Ctx() { loaders }: Context<Loaders>): Promise<Shelter | null> {
    if (service.type !== ServiceType.SHELTER) return null;
    const shelter = await loaders.shelter.load(service.id);
    // A copy that knows its organization, for ShelterResolver's confidential fields; the cached row stays as is.
    return shelter && Object.assign(new Shelter(), shelter, { organizationId: service.organizationId });
  }
}
