import { Matches } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../platform/limits';

/** An event id as clients send it: digits, the id of an event of a log (kit/feed.ts). */
export const EVENT_ID = /^\d{1,15}$/;
export const EVENT_ID_MESSAGE = 'must be the id of an event, e.g. "42"';

/**
 * The page of an event log's query (`agreementEventLog`, `reportEventLog`): after which id, how many. Each
 * subgraph's args extend it with the filter of its own feed.
 */
@ArgsType()
export class EventLogPageArgs {
  @Field(() => ID, { nullable: true, description: 'Events after this id (from the first when absent).' })
  @Matches(EVENT_ID, { message: EVENT_ID_MESSAGE })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: MAX_PAGE_SIZE,
    description: `At most this many events, 1 to ${MAX_PAGE_SIZE} (default ${MAX_PAGE_SIZE}).`,
  })
  first?: number | null;
}
