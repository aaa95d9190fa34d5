import { Args, ArgsType, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { byId } from '../../kit/entity-reference';
import { columnKey, paginateList } from '../../kit/keyset';
import { Connection, PageArgs } from '../../kit/pagination';
import { countryFilter } from '../../kit/validation';
import { badInput } from '../../platform/errors';
import { OrganizationChange } from '../entities/organization-change.entity';
import type { Loaders } from '../loaders';

@ArgsType()
export class OrganizationHistoryArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the changes of this organization and its services.' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the changes of this service.' })
  serviceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only the changes of this country's organizations (ISO code, any case)." })
  country?: string | null;
}

@ObjectType({ description: 'A page of the history of the civil-society network, newest first.' })
export class OrganizationChangeConnection extends Connection(OrganizationChange) {}

@Resolver(() => OrganizationChange)
export class OrganizationChangeResolver {
  @Authorized('SECRETARIAT')
  @Query(() => OrganizationChangeConnection, {
    nullable: true,
    description:
      "The history of the civil-society network, newest first: every registration, change, verification, membership and service change, who made it and the fields' old and new values. SECRETARIAT only.",
  })
  organizationHistory(
    @Args() { organizationId, serviceId, country, ...page }: OrganizationHistoryArgs,
    @Ctx() { db }: Context<Loaders>,
  ): Promise<OrganizationChangeConnection> {
    const query = db.getRepository(OrganizationChange).createQueryBuilder('h');
    for (const [name, value, column] of [
      ['organizationId', organizationId, 'organization_id'],
      ['serviceId', serviceId, 'service_id'],
    ] as const) {
      if (value == null) continue;
      const key = byId.parse(value);
      if (key === null) throw badInput(`${name} is not the id of ${name === 'serviceId' ? 'a service' : 'an organization'}.`, name);
      query.andWhere(`h.${column} = :${name}`, { [name]: key });
    }
    const code = countryFilter(country);
    if (code) query.andWhere('h.country_code = :code', { code });
    return paginateList({ query, keys: [columnKey('h', 'recency')] }, page);
  }
}
