import { ArrayMaxSize, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../../platform/limits';
import { ReportEventKind } from '../entities/report-event.entity';

@InputType({ description: 'Which events of the feed of publications to receive.' })
export class ReportEventFilter {
  @Field(() => ID, { nullable: true, description: 'Only the reports of this country (ISO code, any case).' })
  country?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the reports for this reporting period, e.g. "2015-2016".' })
  period?: string | null;

  @Field(() => [ReportEventKind], { nullable: true, description: 'Only events of these kinds.' })
  @ArrayMaxSize(10, { message: 'must have at most 10 items' })
  kinds?: ReportEventKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Replay the events after this id, then continue live.' })
  @Matches(/^\d{1,15}$/, { message: 'must be the id of an event, e.g. "42"' })
  after?: string | null;
}

@ArgsType()
export class ReportEventLogArgs {
  @Field(() => ID, { nullable: true, description: 'Events after this id (from the first when absent).' })
  @Matches(/^\d{1,15}$/, { message: 'must be the id of an event, e.g. "42"' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: MAX_PAGE_SIZE,
    description: `At most this many events, 1 to ${MAX_PAGE_SIZE} (default ${MAX_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => ReportEventFilter, { nullable: true, description: 'Which events; its `after` is ignored here.' })
  filter?: ReportEventFilter | null;
}
