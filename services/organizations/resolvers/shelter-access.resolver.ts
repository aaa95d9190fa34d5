import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { badInput } from '../../platform/errors';
import { UUID_PATTERN } from '../../kit/ids';
import { paginate } from '../../kit/keyset';
import { Country } from '../entities/country.reference';
import { Service } from '../entities/service.entity';
import { ShelterAccess } from '../entities/shelter-access.entity';
import { User } from '../entities/user.reference';
import type { Loaders } from '../loaders';
import { ShelterAccessConnection, ShelterAccessLogArgs } from './shelter-access.args';

@Resolver(() => ShelterAccess)
export class ShelterAccessResolver {
  @Authorized('SECRETARIAT')
  @Query(() => ShelterAccessConnection, {
    description: "Authorities' reads of shelters' confidential address and free beds, newest first. SECRETARIAT only.",
  })
  shelterAccessLog(@Args() { serviceId, ...page }: ShelterAccessLogArgs, @Ctx() { db }: Context<Loaders>) {
    const query = db.getRepository(ShelterAccess).createQueryBuilder('l');
    if (serviceId !== null && serviceId !== undefined) {
      if (!UUID_PATTERN.test(serviceId)) throw badInput('serviceId is not the id of a service.', 'serviceId');
      query.where('l.service_id = :serviceId', { serviceId: serviceId.toLowerCase() });
    }
    return paginate(query, page, { column: 'recency', property: 'recency' });
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
