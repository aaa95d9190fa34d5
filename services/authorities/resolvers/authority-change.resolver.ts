import { Args, ArgsType, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { byId } from '../../kit/entity-reference';
import { columnKey, paginateList } from '../../kit/keyset';
import { Connection, PageArgs } from '../../kit/pagination';
import { countryFilter } from '../../kit/validation';
import { badInput } from '../../platform/errors';
import { AuthorityChange } from '../entities/authority-change.entity';
import type { Loaders } from '../loaders';

@ArgsType()
export class AuthorityHistoryArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the changes of this authority; every change of the directory without it.' })
  authorityId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only the changes of this country's authorities (ISO code, any case)." })
  country?: string | null;
}

@ObjectType({ description: 'A page of the history of the directory, newest first.' })
export class AuthorityChangeConnection extends Connection(AuthorityChange) {}

@Resolver(() => AuthorityChange)
export class AuthorityChangeResolver {
  @Authorized('SECRETARIAT')
  @Query(() => AuthorityChangeConnection, {
    nullable: true,
    description:
      "The history of the directory of national authorities, newest first: every creation, change, archiving and designation, who made it and the fields' old and new values. SECRETARIAT only.",
  })
  authorityHistory(
    @Args() { authorityId, country, ...page }: AuthorityHistoryArgs,
    @Ctx() { db }: Context<Loaders>,
  ): Promise<AuthorityChangeConnection> {
    const query = db.getRepository(AuthorityChange).createQueryBuilder('h');
    if (authorityId != null) {
      const key = byId.parse(authorityId);
      if (key === null) throw badInput('authorityId is not the id of a national authority.', 'authorityId');
      query.andWhere('h.authority_id = :key', { key });
    }
    const code = countryFilter(country);
    if (code) query.andWhere('h.country_code = :code', { code });
    return paginateList({ query, keys: [columnKey('h', 'recency')] }, page);
  }
}
