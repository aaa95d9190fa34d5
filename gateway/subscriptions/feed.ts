import type { Logger } from '../../services/platform/logger';
import type { EventLog, LoggedEvent } from './event-log';

export type EventListener = (event: LoggedEvent) => void;

/**
 * One poller per gateway process: reads the new events of the log every `intervalMs` and hands each,
 * in id order, to the live listeners. Ids are contiguous and committed in order (the agreements
 * subgraph allocates them under a lock), so reading "after the last id seen" loses nothing.
 */
export class EventFeed {
  private last: number | null = null;
  private readonly listeners = new Set<EventListener>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly log: EventLog,
    private readonly logger: Logger,
    private readonly intervalMs = 100,
  ) {}

  /** The id of the newest event handed to listeners (0 until the log has been reached). */
  get head(): number {
    return this.last ?? 0;
  }

  /** Starts from the log's newest event; when the log is unreachable now, from the first one reached. */
  start(): void {
    void this.poll();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  listen(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schedule(): void {
    if (!this.stopped) this.timer = setTimeout(() => void this.poll(), this.intervalMs);
  }

  private async poll(): Promise<void> {
    try {
      if (this.last === null) this.last = await this.log.head();
      for (let page = await this.log.after(this.last); page.length > 0; page = await this.log.after(this.last)) {
        for (const event of page) {
          this.last = event.id;
          for (const listener of this.listeners) listener(event);
        }
      }
      if (this.failing) this.logger.info('event log reachable again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn({ err: error }, 'event log unreachable; retrying');
      this.failing = true;
    }
    this.schedule();
  }
}
