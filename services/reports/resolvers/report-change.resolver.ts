import { Args, ArgsType, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { UUID_PATTERN } from '../../kit/ids';
import { columnKey, paginateList } from '../../kit/keyset';
import { Connection, PageArgs } from '../../kit/pagination';
import { countryFilter } from '../../kit/validation';
import { badInput } from '../../platform/errors';
import { ReportChange } from '../entities/report-change.entity';
import type { Loaders } from '../loaders';

@ArgsType()
export class ReportHistoryArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the changes of this reporting period, country report or national plan (its id).' })
  subjectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the changes of the reports and plans of this country (ISO code, any case).' })
  country?: string | null;
}

@ObjectType({ description: 'A page of the history of the reporting cycle, newest first.' })
export class ReportChangeConnection extends Connection(ReportChange) {}

@Resolver(() => ReportChange)
export class ReportChangeResolver {
  @Authorized('SECRETARIAT')
  @Query(() => ReportChangeConnection, {
    nullable: true,
    description:
      "The history of the reporting cycle, newest first: every period opened, entry saved, submission, return (the note as returnNote), publication and national plan recorded, who made it and the fields' old and new values. SECRETARIAT only.",
  })
  reportHistory(
    @Args() { subjectId, country, ...page }: ReportHistoryArgs,
    @Ctx() { db }: Context<Loaders>,
  ): Promise<ReportChangeConnection> {
    const query = db.getRepository(ReportChange).createQueryBuilder('h');
    if (subjectId != null) {
      if (subjectId.length > 40) throw badInput('subjectId is not the id of a period, a report or a plan.', 'subjectId');
      query.andWhere('h.subject_id = :subjectId', { subjectId: UUID_PATTERN.test(subjectId) ? subjectId.toLowerCase() : subjectId });
    }
    const code = countryFilter(country);
    if (code) query.andWhere('h.country_code = :code', { code });
    return paginateList({ query, keys: [columnKey('h', 'recency')] }, page);
  }
}
