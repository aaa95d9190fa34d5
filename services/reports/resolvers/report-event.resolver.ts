import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../kit/context';
import { gatewayOnly } from '../../kit/feed';
import { pageSize } from '../../kit/pagination';
import { MAX_PAGE_SIZE } from '../../platform/limits';
import { CountryReport } from '../entities/country-report.entity';
import { Country } from '../entities/references';
import { ReportEvent } from '../entities/report-event.entity';
import { ReportingPeriod } from '../entities/reporting-period.entity';
import { checkFilter, newestVisibleEventId, visibleEventsAfter } from '../event-query';
import { visibleAndMatching } from '../feed';
import type { Loaders } from '../loaders';
import { ReportEventFilter, ReportEventLogArgs } from './report-event.args';

@Resolver(() => ReportEvent)
export class ReportEventResolver {
  @Query(() => [ReportEvent], {
    nullable: true,
    description:
      'The events of the feed of publications after an id, oldest first, that the caller may see: the feed over HTTP, to catch up.',
  })
  async reportEventLog(@Args() args: ReportEventLogArgs, @Ctx() ctx: Context<Loaders>): Promise<ReportEvent[]> {
    await checkFilter(ctx.db, args.filter);
    const after = args.after ? Number(args.after) : 0;
    const events = await visibleEventsAfter(ctx.db, ctx.viewer, args.filter, after, pageSize(args.first ?? MAX_PAGE_SIZE));
    // The rule in code as well as in SQL: an event the statement let through by mistake still never leaves.
    return events.filter((event) => visibleAndMatching(ctx.viewer, event, args.filter));
  }

  @Query(() => ID, {
    nullable: true,
    description: 'The id of the newest event of the feed of publications that the caller may see; null before the first.',
  })
  async lastReportEventId(@Ctx() { db, viewer }: Context<Loaders>): Promise<string | null> {
    const newest = await newestVisibleEventId(db, viewer);
    return newest > 0 ? String(newest) : null;
  }

  @Subscription(() => ReportEvent, {
    description:
      'Country reports submitted, returned and published, live, over graphql-ws on the gateway (ws://<gateway>/graphql): ' +
      "the public receives PUBLISHED alone, a country's authorities and the Secretariat all three; " +
      '`filter.after` replays the events after that id first.',
    subscribe: gatewayOnly,
  })
  // The feed executes the subscription with each event as root value (services/kit/feed-protocol.ts).
  reportEvents(
    @Root() event: ReportEvent,
    @Arg('filter', () => ReportEventFilter, { nullable: true, description: 'Which events to receive.' })
    _filter: ReportEventFilter | null,
  ): ReportEvent {
    return event;
  }

  @FieldResolver(() => Country, { description: 'The Member State whose report it is.' })
  country(@Root() event: ReportEvent): Country {
    return { code: event.countryCode };
  }

  @FieldResolver(() => ReportingPeriod, { description: 'The period the report is for.' })
  async period(@Root() event: ReportEvent, @Ctx() { loaders }: Context<Loaders>): Promise<ReportingPeriod> {
    const period = await loaders.period.load(event.periodId);
    if (!period) throw new Error(`report event ${event.id} refers to a missing period ${event.periodId}`);
    return period;
  }

  @FieldResolver(() => CountryReport, {
    nullable: true,
    description:
      'The report as it is now (`status` tells what it was then); null when the caller may no longer read it, ' +
      'as the public may not a report returned for a correction after it was published.',
  })
  async report(@Root() event: ReportEvent, @Ctx() { loaders }: Context<Loaders>): Promise<CountryReport | null> {
    const report = await loaders.report.load(event.reportId);
    return report && (await (await loaders.visibility()).canSee(report)) ? report : null;
  }
}
