import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { FirstArg, pageSize } from '../../kit/pagination';
import { ReportingPeriod } from '../entities/reporting-period.entity';
import type { Loaders } from '../loaders';
import { createReportingPeriod } from '../period-writes';
import { ReportingPeriodInput } from './report.input';

@Resolver(() => ReportingPeriod)
export class ReportingPeriodResolver {
  @Query(() => [ReportingPeriod], { nullable: true, description: 'The reporting periods, the earliest first.' })
  reportingPeriods(@FirstArg() first: number | null, @Ctx() { db }: Context<Loaders>): Promise<ReportingPeriod[]> {
    return db.getRepository(ReportingPeriod).find({ order: { startsOn: 'ASC', id: 'ASC' }, take: pageSize(first) });
  }

  @Authorized('SECRETARIAT')
  @Mutation(() => ReportingPeriod, {
    description: 'Opens a reporting period the Member States report for (SECRETARIAT). Its id is taken once.',
  })
  createReportingPeriod(
    @Arg('input', () => ReportingPeriodInput, { description: 'The period.' }) input: ReportingPeriodInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<ReportingPeriod> {
    return createReportingPeriod(ctx.db, ctx.viewer!, input);
  }
}
