import type { Logger } from '../../services/platform/logger';

/** The log's newest id has moved on to `head`: its new events are for the subscribers to read. */
export type AdvanceListener = (head: number) => void;

/**
 * Follows the newest event id of one feed while someone holds it: polls the owning subgraph's head every
 * `intervalMs` from the first `retain` to the last `release`, and reports each advance, in order. Ids
 * increase in commit order (a subgraph's feed promises it), so "after the last head seen" loses nothing.
 * Released, it forgets the head: the next subscriber's "from now" is read anew.
 */
export class HeadWatch {
  private head: number | null = null;
  private holders = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Bumped on each start and stop, so that a read still in flight from an earlier round is dropped. */
  private round = 0;
  private waiting: { resolve: (head: number) => void; reject: (error: unknown) => void }[] = [];
  private failing = false;

  constructor(
    private readonly readHead: () => Promise<number>,
    private readonly onAdvance: AdvanceListener,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  /** The newest id reported; null until the first read of this round. */
  get known(): number | null {
    return this.head;
  }

  retain(): void {
    this.holders += 1;
    if (this.holders === 1) void this.poll((this.round += 1));
  }

  release(): void {
    if (this.holders === 0) return;
    this.holders -= 1;
    if (this.holders === 0) this.halt(new Error('no subscriber left'));
  }

  /** Resolves with the head once it is known; rejects when the first read of this round fails. */
  ready(): Promise<number> {
    if (this.head !== null) return Promise.resolve(this.head);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  stop(): void {
    this.holders = 0;
    this.halt(new Error('the gateway is stopping'));
  }

  private halt(reason: Error): void {
    this.round += 1;
    clearTimeout(this.timer);
    this.head = null;
    this.failing = false;
    for (const waiter of this.waiting.splice(0)) waiter.reject(reason);
  }

  private async poll(round: number): Promise<void> {
    try {
      const head = await this.readHead();
      if (round !== this.round) return;
      if (this.head === null) {
        this.head = head;
        for (const waiter of this.waiting.splice(0)) waiter.resolve(head);
      } else if (head > this.head) {
        this.head = head;
        this.onAdvance(head);
      }
      if (this.failing) this.log.info('event log reachable again');
      this.failing = false;
    } catch (error) {
      if (round !== this.round) return;
      if (!this.failing) this.log.warn({ err: error }, 'event log unreachable; retrying');
      this.failing = true;
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    }
    if (round === this.round) this.timer = setTimeout(() => void this.poll(round), this.intervalMs);
  }
}
