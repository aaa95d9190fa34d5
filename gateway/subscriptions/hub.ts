import { GraphQLError, print, type DocumentNode, type ExecutionResult } from 'graphql';
import type { LoggedEvent } from './event-log';
import type { EventLog } from './event-log';
import type { EventFeed } from './feed';
import { Subscriber } from './subscriber';

export interface EventFilter {
  country: string | null;
  kinds: string[] | null;
}

export interface SubscriptionRequest {
  /** The subscription rewritten as a query for one event (see rewrite.ts). */
  query: DocumentNode;
  /** Where the event sits in a result: the subscription field's alias or name. */
  responseKey: string;
  variables: Record<string, unknown>;
  authorization: string | null;
  filter: EventFilter;
  /** Replay the events after this id first; null: only events from now on. */
  after: number | null;
}

/** Resolves one event for a selection as a given caller; null when the caller may not see it. */
export type ExecuteEvent = (request: SubscriptionRequest, eventId: number) => Promise<ExecutionResult | null>;

/** Subscribers with the same selection, variables and identity: each event is resolved once for all. */
interface Group {
  request: SubscriptionRequest;
  subscribers: Set<Subscriber>;
  /** Events are resolved one after the other, so every subscriber receives them in id order. */
  chain: Promise<void>;
}

const matches = (filter: EventFilter, event: LoggedEvent) =>
  (!filter.country || event.countries.includes(filter.country)) && (!filter.kinds || filter.kinds.includes(event.kind));

export class EventHub {
  private readonly groups = new Map<string, Group>();
  /** How many times an event was resolved through the graph (once per group, not per subscriber). */
  executions = 0;

  constructor(
    private readonly feed: EventFeed,
    private readonly log: EventLog,
    private readonly execute: ExecuteEvent,
  ) {
    feed.listen((event) => this.dispatch(event));
  }

  get subscriberCount(): number {
    let count = 0;
    for (const group of this.groups.values()) count += group.subscribers.size;
    return count;
  }

  subscribe(request: SubscriptionRequest): Subscriber {
    const key = JSON.stringify([print(request.query), request.variables, request.authorization]);
    let group = this.groups.get(key);
    if (!group) {
      group = { request, subscribers: new Set(), chain: Promise.resolve() };
      this.groups.set(key, group);
    }
    const owner = group;
    const subscriber = new Subscriber(request.after ?? this.feed.head, (ended) => {
      owner.subscribers.delete(ended);
      if (owner.subscribers.size === 0 && this.groups.get(key) === owner) this.groups.delete(key);
    });
    owner.subscribers.add(subscriber);
    if (request.after === null) subscriber.live = true;
    else void this.catchUp(owner, subscriber);
    return subscriber;
  }

  private dispatch(event: LoggedEvent): void {
    for (const group of this.groups.values()) {
      group.chain = group.chain.then(() => this.deliver(group, event));
    }
  }

  private async deliver(group: Group, event: LoggedEvent): Promise<void> {
    const live = [...group.subscribers].filter((subscriber) => subscriber.live && subscriber.cursor < event.id);
    if (live.length === 0) return;
    const result = matches(group.request.filter, event) ? await this.resolve(group.request, event.id) : null;
    for (const subscriber of live) subscriber.push(event.id, result);
  }

  /**
   * Replays the log after the subscriber's cursor on its own, then, inside the group's chain (where
   * every live event up to the feed's head has already been queued), reads the last stretch and goes
   * live: no event is missed at the seam, and none is delivered twice (the cursor only moves forward).
   */
  private async catchUp(group: Group, subscriber: Subscriber): Promise<void> {
    try {
      await this.replay(group.request, subscriber, this.feed.head);
      group.chain = group.chain.then(async () => {
        await this.replay(group.request, subscriber, this.feed.head);
        subscriber.live = true;
      });
      await group.chain;
    } catch {
      subscriber.fail(
        new GraphQLError(`The event log is unavailable; resubscribe with after: "${subscriber.cursor}" in a moment.`, {
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        }),
      );
    }
  }

  private async replay(request: SubscriptionRequest, subscriber: Subscriber, until: number): Promise<void> {
    while (!subscriber.closed && subscriber.cursor < until) {
      const page = await this.log.after(subscriber.cursor, 100);
      if (page.length === 0) return;
      for (const event of page) {
        if (event.id > until) return;
        const result = matches(request.filter, event) ? await this.resolve(request, event.id) : null;
        subscriber.push(event.id, result);
      }
    }
  }

  /** A failure to resolve one event reaches its subscribers as an error result; the stream goes on. */
  private async resolve(request: SubscriptionRequest, eventId: number): Promise<ExecutionResult | null> {
    this.executions += 1;
    try {
      return await this.execute(request, eventId);
    } catch {
      return { errors: [new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] };
    }
  }
}
