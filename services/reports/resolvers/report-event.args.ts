import { ArrayMaxSize, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { EVENT_ID, EVENT_ID_MESSAGE, EventLogPageArgs } from '../../kit/event-args';
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
  @Matches(EVENT_ID, { message: EVENT_ID_MESSAGE })
  after?: string | null;
}

@ArgsType()
export class ReportEventLogArgs extends EventLogPageArgs {
  @Field(() => ReportEventFilter, { nullable: true, description: 'Which events; its `after` is ignored here.' })
  filter?: ReportEventFilter | null;
}
