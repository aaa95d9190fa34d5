import { GraphQLError } from 'graphql';
import type WebSocket from 'ws';
import { LogSampler } from '../../services/platform/log-sampler';
import type { Logger } from '../../services/platform/logger';
import { RateLimiter } from '../edge';

/** Close codes of the live feed's own limits (graphql-ws keeps 4400-4499 for protocol errors of the client). */
export const CLOSE_FLOODING = 4429;
export const CLOSE_TRY_AGAIN_LATER = 1013;
/** How long a socket closed for what its client does has to send its close frame before it is dropped. */
const CLOSE_GRACE_MS = 1000;

/**
 * The refusals of a flood, made once each: a GraphQLError captures a stack trace when made, which
 * costs more than everything else a refused subscribe does.
 */
const refusals = new Map<number, GraphQLError[]>();
function rateLimited(retryAfterSeconds: number): GraphQLError[] {
  let errors = refusals.get(retryAfterSeconds);
  if (!errors) {
    errors = [
      new GraphQLError(`Too many subscribe messages; subscribe again in ${retryAfterSeconds} s.`, {
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds },
      }),
    ];
    if (refusals.size < 100) refusals.set(retryAfterSeconds, errors);
  }
  return errors;
}

export interface ConnectionLimits {
  maxSubscriptionsPerConnection: number;
  subscribesPerSecond: number;
  subscribeBurst: number;
  maxBufferedKb: number;
}

/** Warn lines of a client's faults on the live feed: at most one a second per kind (services/platform/log-sampler.ts). */
export const sampledWarn = (log: Logger): LogSampler => new LogSampler(log, 1, 1000);

/**
 * What one WebSocket may make the gateway do. A `subscribe` costs a parse, a plan and a call to the owning
 * subgraph even when the client completes it at once, so subscribe messages are rate-limited (per socket
 * and per client address) and those being opened count against the subscriptions of the socket. A socket
 * refused (for either) as many subscribes in a row as its burst is flooding: it is closed with 4429. A socket whose
 * client does not read what it is sent is closed with 1013 once that passes the buffer cap.
 */
export class ConnectionGuard {
  /** Subscribe messages whose subscription is being opened (the client may have completed them meanwhile). */
  opening = 0;
  private refusedInARow = 0;
  private readonly bucket: RateLimiter;
  private readonly tooMany: GraphQLError[];
  /** The latest subscribe of each id: an earlier one with the same id, still opening, has been replaced. */
  private readonly latest = new Map<string, object>();

  constructor(
    private readonly socket: WebSocket,
    private readonly address: string,
    private readonly limits: ConnectionLimits,
    private readonly perAddress: RateLimiter,
    private readonly warn: LogSampler,
  ) {
    this.bucket = new RateLimiter(limits.subscribesPerSecond * 60, Date.now, 1, limits.subscribeBurst);
    this.tooMany = [
      new GraphQLError(`At most ${limits.maxSubscriptionsPerConnection} subscriptions per connection.`, {
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ];
  }

  /** Closes the socket when its client lets what it is sent pile up; true when it did. */
  overBuffered(): boolean {
    if (this.socket.bufferedAmount <= this.limits.maxBufferedKb * 1024) return false;
    this.warn.warn(
      'buffer',
      { address: this.address, bufferedBytes: this.socket.bufferedAmount },
      'closing a WebSocket whose client does not read',
    );
    this.shut(CLOSE_TRY_AGAIN_LATER, 'Too much waiting to be sent');
    return true;
  }

  /**
   * Admits one subscribe message, or returns the errors refusing it. `subscriptions` counts those the socket
   * has open or being opened, as graphql-ws sees them (this one included).
   */
  admit(subscriptions: number): GraphQLError[] | null {
    const retryAfterSeconds = this.bucket.take('socket') || this.perAddress.take(this.address);
    const refused =
      retryAfterSeconds > 0
        ? rateLimited(retryAfterSeconds)
        : Math.max(subscriptions, this.opening + 1) > this.limits.maxSubscriptionsPerConnection
          ? this.tooMany
          : null;
    if (!refused) {
      this.refusedInARow = 0;
      return null;
    }
    this.refusedInARow += 1;
    if (this.refusedInARow >= this.limits.subscribeBurst) {
      this.warn.warn('flood', { address: this.address }, 'closing a WebSocket that keeps subscribing while refused');
      this.shut(CLOSE_FLOODING, 'Too many subscribe messages');
    }
    return refused;
  }

  /**
   * Closes the socket and reads nothing more from it: what its client has sent meanwhile would still be
   * parsed, one message at a time, for as long as the closing handshake lasts (ws waits 30 s for it).
   */
  private shut(code: number, reason: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.socket.close(code, reason);
    this.socket.pause();
    setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS).unref();
  }

  /** Marks a subscribe of `id` as being opened; the result says whether it still stands once opened. */
  begin(id: string): () => boolean {
    const mark = {};
    this.latest.set(id, mark);
    this.opening += 1;
    return () => {
      this.opening -= 1;
      const current = this.latest.get(id) === mark;
      if (current) this.latest.delete(id);
      return current && this.socket.readyState === this.socket.OPEN;
    };
  }
}
