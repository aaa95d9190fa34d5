import { GraphQLError, type FormattedExecutionResult } from 'graphql';
import type { Logger } from '../../services/platform/logger';
import { FeedRefused, FeedUnavailable, type FeedEndpoints, type PrimaryEvent } from './endpoints';
import type { FeedPlan } from './planner';
import { Replays, type Replay, type ReplayLimits } from './replays';
import { groupKeyOf, type FeedRequest } from './request';
import { Subscriber } from './subscriber';
import { HeadWatch } from './watch';

/** Completes one event of a subscription through the rest of the graph (see event-executor.ts). */
export type ExecuteEvent = (request: FeedRequest, event: PrimaryEvent) => Promise<FormattedExecutionResult>;

/** Subscribers with the same selection, variables and identity: each event is resolved once for all. */
interface Group {
  request: FeedRequest;
  watch: HeadWatch;
  subscribers: Set<Subscriber>;
  /** Events are resolved one after the other, so every subscriber receives them in id order. */
  chain: Promise<void>;
}

/** Why a subscription ends: the subgraph's own refusal (an expired token), or its log out of reach for now. */
function endingError(error: unknown, cursor: number): GraphQLError {
  if (error instanceof FeedRefused) {
    const [first] = error.errors;
    return new GraphQLError(first.message, { extensions: first.extensions });
  }
  return new GraphQLError(`The event log is unavailable; resubscribe with after: "${cursor}" in a moment.`, {
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });
}

/**
 * The feeds' subscribers, whatever their transport. A feed's head is polled while it has a subscriber;
 * each advance is read once per group from the owning subgraph, as that group's viewer, and each event
 * it returns is completed once per group and handed to the group's subscribers.
 */
export class EventHub {
  private readonly groups = new Map<string, Group>();
  private readonly watches = new Map<string, HeadWatch>();
  readonly replays: Replays<Group>;
  /** Events examined for a group (once per group, not per subscriber), whether or not it could see them. */
  executions = 0;

  constructor(
    private readonly endpoints: FeedEndpoints,
    private readonly execute: ExecuteEvent,
    private readonly log: Logger,
    private readonly pollIntervalMs: number,
    replayLimits: ReplayLimits,
  ) {
    this.replays = new Replays(replayLimits, (replay) => this.replay(replay));
  }

  get subscriberCount(): number {
    let count = 0;
    for (const group of this.groups.values()) count += group.subscribers.size;
    return count;
  }

  subscribe(request: FeedRequest): Subscriber {
    const key = groupKeyOf(request);
    let group = this.groups.get(key);
    if (!group) {
      group = { request, watch: this.watchOf(request.plan), subscribers: new Set(), chain: Promise.resolve() };
      this.groups.set(key, group);
    }
    const owner = group;
    const subscriber = new Subscriber(request.after ?? 0, (ended) => {
      this.replays.leave(ended);
      owner.subscribers.delete(ended);
      if (owner.subscribers.size === 0 && this.groups.get(key) === owner) this.groups.delete(key);
      owner.watch.release();
    });
    owner.subscribers.add(subscriber);
    owner.watch.retain();
    request.release();
    if (request.after === null) void this.goLive(owner, subscriber);
    else if (!this.replays.join(`${key}\n${request.after}`, owner, request.after, subscriber)) {
      subscriber.fail(
        new GraphQLError(`Too many replays are waiting on this gateway; resubscribe with after: "${request.after}" in a moment.`, {
          extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 },
        }),
      );
    }
    return subscriber;
  }

  /**
   * Starts following a feed's head ahead of a subscription being accepted, so that its "now" is known
   * by then; call the result once the subscription is subscribed or refused.
   */
  hold(plan: FeedPlan): () => void {
    const watch = this.watchOf(plan);
    watch.retain();
    let held = true;
    return () => {
      if (held) watch.release();
      held = false;
    };
  }

  stop(): void {
    for (const watch of this.watches.values()) watch.stop();
  }

  private watchOf({ service, field }: FeedPlan): HeadWatch {
    const key = `${service}/${field}`;
    let watch = this.watches.get(key);
    if (!watch) {
      const log = this.log.child({ feed: field, service });
      const created = new HeadWatch(
        () => this.endpoints.head(service, field),
        (head) => this.dispatch(created, head),
        log,
        this.pollIntervalMs,
      );
      this.watches.set(key, (watch = created));
    }
    return watch;
  }

  /** Runs `work` after everything the group has queued; the chain goes on whatever `work` does. */
  private enqueue(group: Group, work: () => Promise<void>): Promise<void> {
    const done = group.chain.then(work);
    group.chain = done.catch(() => undefined);
    return done;
  }

  private dispatch(watch: HeadWatch, head: number): void {
    for (const group of this.groups.values()) {
      if (group.watch === watch) void this.enqueue(group, () => this.deliver(group, head));
    }
  }

  /** Live from now: from the head as it is once known. */
  private async goLive(group: Group, subscriber: Subscriber): Promise<void> {
    try {
      await group.watch.ready();
      if (subscriber.closed) return;
      subscriber.cursor = group.watch.known ?? subscriber.cursor;
      subscriber.live = true;
    } catch (error) {
      subscriber.fail(endingError(error, subscriber.cursor));
    }
  }

  /**
   * A replay (one for the subscribers of a group that start after the same id): the log up to the head on
   * its own, holding one of the replays' places; then, inside the group's chain (where every advance up to
   * the head has been queued), the last stretch before going live: nothing is missed at the seam, nothing
   * delivered twice (the cursor only moves forward). The seam is the group's work, not the replay's: its
   * place is free by then.
   */
  private async replay(replay: Replay<Group>): Promise<void> {
    const { group, subscribers } = replay;
    try {
      await group.watch.ready();
      await this.read(group.request, replay.after, group.watch.known ?? replay.after, subscribers, () => this.replays.seal(replay));
    } catch (error) {
      for (const subscriber of subscribers) subscriber.fail(endingError(error, subscriber.cursor));
      return;
    }
    this.replays.seal(replay);
    void this.enqueue(group, async () => {
      const open = [...subscribers].filter((subscriber) => !subscriber.closed);
      if (open.length === 0) return;
      await this.read(group.request, Math.min(...open.map((subscriber) => subscriber.cursor)), group.watch.known ?? 0, open);
      for (const subscriber of open) subscriber.live = true;
    }).catch((error: unknown) => {
      for (const subscriber of subscribers) subscriber.fail(endingError(error, subscriber.cursor));
    });
  }

  /** The events up to the new head, from the oldest cursor of the group's live subscribers. */
  private async deliver(group: Group, head: number): Promise<void> {
    const live = [...group.subscribers].filter((subscriber) => subscriber.live && subscriber.cursor < head);
    if (live.length === 0) return;
    try {
      await this.read(group.request, Math.min(...live.map((subscriber) => subscriber.cursor)), head, live);
    } catch (error) {
      for (const subscriber of live) subscriber.fail(endingError(error, subscriber.cursor));
    }
  }

  /**
   * Reads the events in (after, until] page by page and hands each to the subscribers, then moves their
   * cursors to `until`; stops as soon as none of them is left (`subscribers` may be a replay's, which
   * shrinks as they leave). `onPage` runs when a page has come, before its events are handed out.
   */
  private async read(
    request: FeedRequest,
    after: number,
    until: number,
    subscribers: Iterable<Subscriber>,
    onPage?: () => void,
  ): Promise<void> {
    const { service, field } = request.plan;
    const someoneLeft = () => [...subscribers].some((subscriber) => !subscriber.closed);
    let cursor = after;
    while (cursor < until && someoneLeft()) {
      const page = await this.endpoints.events(service, field, request.call, request.authorization, cursor, until);
      onPage?.();
      this.executions += Math.max(0, page.last - cursor);
      for (const event of page.events) {
        if (!someoneLeft()) return;
        const result = await this.complete(request, event);
        for (const subscriber of subscribers) subscriber.push(event.id, result);
      }
      if (page.last <= cursor) throw new FeedUnavailable(`the ${service} subgraph's events answer did not move past ${cursor}`);
      cursor = page.last;
    }
    for (const subscriber of subscribers) subscriber.push(until, null);
  }

  /** A failure to complete one event reaches its subscribers as an error result; the stream goes on. */
  private async complete(request: FeedRequest, event: PrimaryEvent): Promise<FormattedExecutionResult> {
    try {
      return await this.execute(request, event);
    } catch (error) {
      this.log.error({ err: error, event: event.id }, 'could not complete an event');
      return { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    }
  }
}
