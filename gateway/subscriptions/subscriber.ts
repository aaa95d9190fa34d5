import { GraphQLError, type FormattedExecutionResult } from 'graphql';

/** Results waiting for a slow consumer before it is cut off (it can resume with `after`). */
export const MAX_PENDING = 1000;

/**
 * One subscription's stream: results are queued until the socket takes them. A consumer that falls
 * MAX_PENDING results behind is ended with an error naming the last event it received, so the gateway
 * never buffers without bound and the client knows where to resume.
 */
export class Subscriber implements AsyncIterableIterator<FormattedExecutionResult> {
  /** The id of the last event delivered (or skipped as not for this subscriber). */
  cursor: number;
  live = false;
  private readonly queue: { id: number; result: FormattedExecutionResult }[] = [];
  private waiting: ((result: IteratorResult<FormattedExecutionResult>) => void) | undefined;
  private failure: GraphQLError | undefined;
  private ended = false;

  constructor(
    cursor: number,
    private readonly onEnd: (subscriber: Subscriber) => void,
  ) {
    this.cursor = cursor;
  }

  get closed(): boolean {
    return this.ended;
  }

  push(eventId: number, result: FormattedExecutionResult | null): void {
    if (this.ended || this.failure || eventId <= this.cursor) return;
    this.cursor = eventId;
    if (!result) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: result, done: false });
    } else if (this.queue.length >= MAX_PENDING) {
      this.fail(
        new GraphQLError(`Events came faster than this subscription read them; resubscribe with after: "${this.resumePoint()}".`, {
          extensions: { code: 'SLOW_CONSUMER' },
        }),
      );
    } else {
      this.queue.push({ id: eventId, result });
    }
  }

  fail(error: GraphQLError): void {
    if (this.ended) return;
    this.failure = error;
    this.queue.length = 0;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      this.finish();
      resolve({ value: { errors: [error.toJSON()] }, done: false });
    }
  }

  next(): Promise<IteratorResult<FormattedExecutionResult>> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve({ value: queued.result, done: false });
    if (this.failure) {
      const errors = [this.failure.toJSON()];
      this.failure = undefined;
      this.finish();
      return Promise.resolve({ value: { errors }, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<FormattedExecutionResult>> {
    this.finish();
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<FormattedExecutionResult> {
    return this;
  }

  /** The last event before the first one this consumer has not read. */
  private resumePoint(): number {
    return this.queue.length > 0 ? this.queue[0].id - 1 : this.cursor;
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd(this);
  }
}
