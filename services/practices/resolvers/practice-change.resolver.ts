import { Args, ArgsType, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { byId } from '../../kit/entity-reference';
import { columnKey, paginateList } from '../../kit/keyset';
import { Connection, PageArgs } from '../../kit/pagination';
import { countryFilter } from '../../kit/validation';
import { badInput } from '../../platform/errors';
import { PracticeChange } from '../entities/practice-change.entity';
import type { Loaders } from '../loaders';

@ArgsType()
export class PracticeHistoryArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the changes of this practice; every change of the library without it.' })
  practiceId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only the changes of the practices that take place in this country (ISO code, any case).',
  })
  country?: string | null;
}

@ObjectType({ description: 'A page of the history of the practice library, newest first.' })
export class PracticeChangeConnection extends Connection(PracticeChange) {}

@Resolver(() => PracticeChange)
export class PracticeChangeResolver {
  @Authorized('SECRETARIAT')
  @Query(() => PracticeChangeConnection, {
    nullable: true,
    description:
      "The history of the practice library, newest first: every submission, change, publication, rejection (the reason as reviewNote) and withdrawal, who made it and the fields' old and new values. SECRETARIAT only.",
  })
  practiceHistory(
    @Args() { practiceId, country, ...page }: PracticeHistoryArgs,
    @Ctx() { db }: Context<Loaders>,
  ): Promise<PracticeChangeConnection> {
    const query = db.getRepository(PracticeChange).createQueryBuilder('h');
    if (practiceId != null) {
      const key = byId.parse(practiceId);
      if (key === null) throw badInput('practiceId is not the id of a practice.', 'practiceId');
      query.andWhere('h.practice_id = :key', { key });
    }
    const code = countryFilter(country);
    if (code) {
      query.andWhere('EXISTS (SELECT 1 FROM practice_countries c WHERE c.practice_id = h.practice_id AND c.country_code = :code)', {
        code,
      });
    }
    return paginateList({ query, keys: [columnKey('h', 'recency')] }, page);
  }
}
