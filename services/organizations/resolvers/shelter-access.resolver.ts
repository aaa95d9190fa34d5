import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { badInput, forbidden } from '../../platform/errors';
import { byId } from '../../kit/entity-reference';
import { paginateList } from '../../kit/keyset';
import { PageArgs } from '../../kit/pagination';
import { accessLogQuery } from '../access-log-query';
import { Organization } from '../entities/organization.entity';
import { Country, User } from '../entities/references';
import { Service } from '../entities/service.entity';
import { ShelterAccess } from '../entities/shelter-access.entity';
import type { Loaders } from '../loaders';
import { ShelterAccessConnection, ShelterAccessLogArgs } from './shelter-access.args';

/** Only the Secretariat learns who read a shelter's confidential fields; an organization's members see the country. */
const isSecretariat = (ctx: Context<Loaders>) => ctx.viewer?.role === 'SECRETARIAT';

@Resolver(() => ShelterAccess)
export class ShelterAccessResolver {
  @Authorized('SECRETARIAT')
  @Query(() => ShelterAccessConnection, {
    nullable: true,
    description:
      "Authorities' reads of shelters' confidential address, free beds, exact position or exact distance (one per request " +
      'and shelter), newest first. SECRETARIAT only.',
  })
  shelterAccessLog(@Args() { serviceId, ...page }: ShelterAccessLogArgs, @Ctx() { db }: Context<Loaders>) {
    const given = serviceId !== null && serviceId !== undefined;
    const service = given ? byId.parse(serviceId) : null;
    if (given && service === null) throw badInput('serviceId is not the id of a service.', 'serviceId');
    return paginateList(accessLogQuery(db, { serviceId: service }), page);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'The authority officer who read the fields: for the Secretariat only, null for others.',
  })
  reader(@Root() access: ShelterAccess, @Ctx() ctx: Context<Loaders>): User | null {
    return isSecretariat(ctx) ? { id: access.viewerId } : null;
  }

  @FieldResolver(() => User, {
    deprecationReason: 'Use reader, which is null rather than an error for an organization member.',
    description: 'The authority officer who read the fields: for the Secretariat only, FORBIDDEN for others.',
  })
  viewer(@Root() access: ShelterAccess, @Ctx() ctx: Context<Loaders>): User {
    if (!isSecretariat(ctx)) throw forbidden('Only the Secretariat learns who read a shelter: ask for reader, or authorityCountry.');
    return { id: access.viewerId };
  }

  @FieldResolver(() => Country, { description: "The reading authority's country at the time of the read." })
  authorityCountry(@Root() access: ShelterAccess): Country {
    // Every AUTHORITY has a country (accounts' grantRole), and the access log stores it from the token.
    if (!access.viewerCountry) throw new Error(`access log row ${access.id} has no authority country`);
    return { code: access.viewerCountry };
  }

  @FieldResolver(() => Country, { nullable: true, deprecationReason: 'Use authorityCountry.', description: 'As authorityCountry.' })
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

/** The access log of an organization's shelters, as a field of Organization. */
@Resolver(() => Organization)
export class OrganizationShelterAccessResolver {
  @FieldResolver(() => ShelterAccessConnection, {
    nullable: true,
    description:
      "Who read its shelters' confidential fields, newest first: when, which service, the authority's country (the reader " +
      'only for the Secretariat). For its members and the Secretariat; null for anyone else.',
  })
  async shelterAccessLog(
    @Root() organization: Organization,
    @Args() page: PageArgs,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<ShelterAccessConnection | null> {
    const { scope } = await ctx.loaders.visibility();
    if (!isSecretariat(ctx) && !scope.memberOf.includes(organization.id)) return null;
    return paginateList(accessLogQuery(ctx.db, { organizationId: organization.id }), page);
  }
}
