import { feedKeyHeader } from './feed-key';
import { LogSampler } from './log-sampler';
import type { Logger } from './logger';

/** One revocation: every access token of `userId` issued at or before `at` (ms since the epoch) stops working. */
export interface Revocation {
  /** Increases with every revocation; a reader resumes after the last one it read. */
  id: string;
  userId: string;
  at: number;
}

/** An answer of accounts' GET /revocations: oldest first; `last` is the id to ask after next. */
export interface RevocationPage {
  revocations: Revocation[];
  last: string;
}

/** Where accounts serves its revocation list, next to /graphql. */
export const REVOCATIONS_PATH = '/revocations';
/** The longest an access token lives (TOKEN_TTL_SECONDS at most): an older revocation concerns no token that still works. */
export const REVOCATION_WINDOW_MS = 24 * 3600 * 1000;
/** At most this many revocations per answer; the reader asks again after `last`. */
export const REVOCATION_PAGE_SIZE = 1000;
/**
 * How far back each poll reads again. Ids are handed out when a row is inserted but become visible when
 * its transaction commits, so on MySQL a revocation can appear after one with a higher id: re-reading the
 * last minutes' rows catches it (a transaction holding a revocation that long has timed out on its locks).
 */
const SETTLE_MS = 2 * 60 * 1000;

/** Reads one page of revocations after an id: accounts' table in accounts itself, GET /revocations elsewhere. */
export type RevocationSource = (after: string) => Promise<RevocationPage>;

const isId = (value: unknown): value is string => typeof value === 'string' && /^\d{1,15}$/.test(value);

/** A page as the route sends it, or an error saying what is wrong with it. */
function pageOf(body: unknown): RevocationPage {
  const page = body as Partial<RevocationPage> | null;
  const valid =
    page !== null &&
    typeof page === 'object' &&
    isId(page.last) &&
    Array.isArray(page.revocations) &&
    page.revocations.every((r) => isId(r?.id) && typeof r.userId === 'string' && Number.isFinite(r.at));
  if (!valid) throw new Error('not a page of revocations');
  return page as RevocationPage;
}

/**
 * The revocations of accounts over HTTP, next to its GraphQL endpoint (relative to its URL, so a subgraph
 * behind a path prefix serves them under it too), read with the feed key. `graphqlUrl` is asked at each
 * call: test graphs learn accounts' port once it listens.
 */
export function revocationsOverHttp(graphqlUrl: () => string, feedKey: string, timeoutMs: number): RevocationSource {
  return async (after) => {
    const url = new URL(`${REVOCATIONS_PATH.slice(1)}?after=${encodeURIComponent(after)}`, graphqlUrl());
    const response = await fetch(url, { headers: { authorization: feedKeyHeader(feedKey) }, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    return pageOf(await response.json());
  };
}

export interface RevocationListOptions {
  /** How often it asks (REVOCATION_POLL_SECONDS); the first time at once. */
  pollMs: number;
  log: Logger;
  now?: () => number;
}

/**
 * A verifier's copy of accounts' revocation list: for each user, the latest revocation of the last 24 hours.
 * Polled every `pollMs`, paging until caught up. A failed poll keeps the list as it is (a warning, sampled so
 * that an outage of accounts writes a line a minute, not one a poll) and the next one tries again. Nothing
 * waits for the first poll: until it lands, no token counts as revoked.
 */
export class RevocationList {
  private readonly latest = new Map<string, number>();
  /** Every revocation up to this id was committed long enough ago to have been read. */
  private settled = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopped = false;
  private readonly warnings: LogSampler;
  private readonly now: () => number;

  constructor(
    private readonly source: RevocationSource,
    private readonly options: RevocationListOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.warnings = new LogSampler(options.log, 1, 60_000, this.now);
  }

  /** Polls now, then every pollMs until stop(). */
  start(): this {
    this.tick();
    return this;
  }

  /** Whether a token of this user issued at `issuedAtMs` was revoked (a revocation at the same millisecond counts). */
  revoked(userId: string, issuedAtMs: number): boolean {
    const at = this.latest.get(userId);
    return at !== undefined && at >= issuedAtMs;
  }

  /** One round: every page after what it has read, then the entries older than the longest token are forgotten. */
  async poll(): Promise<void> {
    const now = this.now();
    let after = String(this.settled);
    for (;;) {
      const page = await this.source(after);
      for (const revocation of page.revocations) {
        if (revocation.at > (this.latest.get(revocation.userId) ?? -Infinity)) this.latest.set(revocation.userId, revocation.at);
        if (revocation.at <= now - SETTLE_MS) this.settled = Math.max(this.settled, Number(revocation.id));
      }
      if (page.revocations.length < REVOCATION_PAGE_SIZE || page.last === after) break;
      after = page.last;
    }
    for (const [userId, at] of this.latest) {
      if (at < this.now() - REVOCATION_WINDOW_MS) this.latest.delete(userId);
    }
  }

  /** Stops polling; waits for a poll in flight (which may still be reading accounts' database). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
  }

  private tick(): void {
    this.polling = this.poll()
      .catch((error: unknown) =>
        this.warnings.warn('revocations', { error: (error as Error).message }, 'could not read the revocation list; keeping the last one'),
      )
      .finally(() => {
        this.polling = undefined;
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.options.pollMs).unref();
      });
  }
}
