import { print } from 'graphql';
import type { FeedCall } from './endpoints';
import type { CheckedSubscription } from './operation';
import type { FeedPlan } from './planner';

/** One accepted subscription, as the hub serves it whatever the transport that carries it. */
export interface FeedRequest extends CheckedSubscription {
  plan: FeedPlan;
  /** The plan's primary operation and its variables: what the owning subgraph executes per event. */
  call: FeedCall;
  /** The subscriber's own Authorization header: each subgraph applies this viewer's rights. */
  authorization: string | null;
  /** Replay the events after this id first; null: only events from now on. */
  after: number | null;
  /** Lets go of the feed's head, followed since the subscription was opened (the hub calls it on subscribing). */
  release: () => void;
}

/** Subscribers with the same operation (as printed: layout aside), variables and identity share one resolution of each event. */
export const groupKeyOf = (request: FeedRequest): string =>
  JSON.stringify([print(request.document), request.operationName ?? null, request.variables, request.authorization]);
