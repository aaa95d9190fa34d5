import { ArrayMaxSize, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { EVENT_ID, EVENT_ID_MESSAGE, EventLogPageArgs } from '../../kit/event-args';
import { AgreementEventKind } from '../entities/agreement-event.entity';

@InputType({ description: 'Which events of the feed to receive.' })
export class AgreementEventFilter {
  @Field(() => ID, { nullable: true, description: 'Only events of agreements this country (ISO code) is party to.' })
  country?: string | null;

  @Field(() => [AgreementEventKind], { nullable: true, description: 'Only events of these kinds.' })
  @ArrayMaxSize(10, { message: 'must have at most 10 items' })
  kinds?: AgreementEventKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Replay the events after this id, then continue live.' })
  @Matches(EVENT_ID, { message: EVENT_ID_MESSAGE })
  after?: string | null;
}

@ArgsType()
export class AgreementEventLogArgs extends EventLogPageArgs {
  @Field(() => AgreementEventFilter, { nullable: true, description: 'Which events; its `after` is ignored here.' })
  filter?: AgreementEventFilter | null;
}
