import { ArrayMaxSize, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../../platform/limits';
import { AgreementEventKind } from '../entities/agreement-event.entity';

@InputType({ description: 'Which events of the feed to receive.' })
export class AgreementEventFilter {
  @Field(() => ID, { nullable: true, description: 'Only events of agreements this country (ISO code) is party to.' })
  country?: string | null;

  @Field(() => [AgreementEventKind], { nullable: true, description: 'Only events of these kinds.' })
  @ArrayMaxSize(10, { message: 'must have at most 10 items' })
  kinds?: AgreementEventKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Replay the events after this id, then continue live.' })
  @Matches(/^\d{1,15}$/, { message: 'must be the id of an event, e.g. "42"' })
  after?: string | null;
}

@ArgsType()
export class AgreementEventLogArgs {
  @Field(() => ID, { nullable: true, description: 'Events after this id (from the first when absent).' })
  @Matches(/^\d{1,15}$/, { message: 'must be the id of an event, e.g. "42"' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: MAX_PAGE_SIZE,
    description: `At most this many events, 1 to ${MAX_PAGE_SIZE} (default ${MAX_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => AgreementEventFilter, { nullable: true, description: 'Which events; its `after` is ignored here.' })
  filter?: AgreementEventFilter | null;
}
