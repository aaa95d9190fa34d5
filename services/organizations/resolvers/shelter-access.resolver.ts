import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { badInput } from '../../platform/errors';
import { byId } from '../../kit/entity-reference';
import { paginateList } from '../../kit/keyset';
import { accessLogQuery } from '../access-log-query';
import { Country, User } from '../entities/references';
import { Service } from '../entities/service.entity';
import { ShelterAccess } from '../entities/shelter-access.entity';
import type { Loaders } from '../loaders';
import { ShelterAccessConnection, ShelterAccessLogArgs } from './shelter-access.args';

@Resolver(() => ShelterAccess)
export class ShelterAccessResolver {
  @Authorized('SECRETARIAT')
  @Query(() => ShelterAccessConnection, {
    description:
      "Authorities' reads of shelters' confidential address, free beds, exact position or exact distance (one per request " +
      'and shelter), newest first. SECRETARIAT only.',
  })
  shelterAccessLog(@Args() { serviceId, ...page }: ShelterAccessLogArgs, @Ctx() { db }: Context<Loaders>) {
    const given = serviceId !== null && serviceId !== undefined;
    const service = given ? byId.parse(serviceId) : null;
    if (given && service === null) throw badInput('serviceId is not the id of a service.', 'serviceId');
    return paginateList(accessLogQuery(db, service), page);
  }

  @FieldResolver(() => User, { description: 'The authority officer who read the fields.' })
  viewer(@Root() access: ShelterAccess): User {
    return { id: access.viewerId };
  }

  @FieldResolver(() => Country, { nullable: true, description: "The officer's country at the time of the read." })
  viewerCountry(@Root() access: ShelterAccess): Country | null {
    return access.viewerCountry ? { code: access.viewerCountry } : null;
  }

  @FieldResolver(() => Service, { description: 'The shelter service whose fields were read.' })
  async service(@Root() access: ShelterAccess, @Ctx() { loaders }: Context<Loaders>): Promise<Service> {
    const service = await loaders.service.load(access.serviceId);
    if (!service) throw new Error(`access log row ${access.id} refers to unknown service ${access.serviceId}`);
    return service;
  }
}
