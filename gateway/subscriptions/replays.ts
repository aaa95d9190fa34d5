import type { Subscriber } from './subscriber';

export interface ReplayLimits {
  /** Replays reading a log at once, across the gateway process. */
  maxReplays: number;
  /** Replays waiting for one of those; a subscriber beyond them is told to resubscribe in a moment. */
  maxQueuedReplays: number;
}

/** One read of a log after `after`, shared by the subscribers of one group that start there. */
export interface Replay<G> {
  key: string;
  group: G;
  after: number;
  subscribers: Set<Subscriber>;
}

/**
 * Replays of the feeds' logs, shared and bounded. Subscribers of the same group with the same `after`
 * join one replay while it has delivered nothing yet (queued, or reading its first page); later ones
 * queue a new one, which the next join in turn. At most `maxReplays` run at once, `maxQueuedReplays`
 * wait; a queued replay whose subscribers have all left is dropped before it costs anything, and a
 * running one stops at its next event (`run` checks `subscribers`).
 */
export class Replays<G> {
  private readonly joinable = new Map<string, Replay<G>>();
  private readonly queue: Replay<G>[] = [];
  private readonly membership = new Map<Subscriber, Replay<G>>();
  private running = 0;

  constructor(
    private readonly limits: ReplayLimits,
    private readonly run: (replay: Replay<G>) => Promise<void>,
  ) {}

  get counts(): { running: number; queued: number } {
    return { running: this.running, queued: this.queue.length };
  }

  /** Adds the subscriber to the replay of `key` (a new one if none can be joined); false when none can be queued. */
  join(key: string, group: G, after: number, subscriber: Subscriber): boolean {
    let replay = this.joinable.get(key);
    if (!replay) {
      if (this.running >= this.limits.maxReplays && this.queue.length >= this.limits.maxQueuedReplays) return false;
      replay = { key, group, after, subscribers: new Set() };
      this.joinable.set(key, replay);
      this.queue.push(replay);
    }
    replay.subscribers.add(subscriber);
    this.membership.set(subscriber, replay);
    this.pump();
    return true;
  }

  leave(subscriber: Subscriber): void {
    const replay = this.membership.get(subscriber);
    if (!replay) return;
    this.membership.delete(subscriber);
    replay.subscribers.delete(subscriber);
    if (replay.subscribers.size > 0) return;
    this.seal(replay);
    const queued = this.queue.indexOf(replay);
    if (queued >= 0) this.queue.splice(queued, 1);
  }

  /** No one joins this replay any more: it is about to deliver its first events. */
  seal(replay: Replay<G>): void {
    if (this.joinable.get(replay.key) === replay) this.joinable.delete(replay.key);
  }

  private pump(): void {
    while (this.running < this.limits.maxReplays && this.queue.length > 0) {
      const replay = this.queue.shift()!;
      this.running += 1;
      void this.run(replay).finally(() => {
        this.running -= 1;
        this.seal(replay);
        for (const subscriber of replay.subscribers) this.membership.delete(subscriber);
        this.pump();
      });
    }
  }
}
