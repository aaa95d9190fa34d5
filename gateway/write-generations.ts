import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../services/platform/logger';
import { GENERATION_ROUTE, heldGeneration, reaches, WATCH_HOLD_MS, WATCH_LEASE_MS } from '../services/platform/write-generation-route';
import { fetchSubgraph, subgraphFetch } from './subgraph-fetch';

/** After a watch request failed: the next try waits this long (the checks stand in meanwhile). */
const WATCH_RETRY_MS = 1000;

/**
 * The subgraphs' write generations (services/kit/write-generation.ts), two ways.
 *
 * Watched: each subgraph is asked again as soon as it answers, and holds the request until its generation
 * moves (services/platform/write-generation-route.ts). What it said is trusted for WATCH_LEASE_MS from when
 * the request was sent: the subgraph holds back each write's answer until this process has asked again with
 * the new generation, or until that lease has run out. So while a lease runs, `current` is the generation
 * with no write missed that any client has been told of, and a stored answer is checked without a request.
 *
 * Read on demand (`fresh`), where no lease runs (a subgraph restarting, a watch failing): shared by the
 * requests that wait for them; while a check of a subgraph is in flight, the requests that arrive share the
 * next one, so a subgraph answers at most two at a time however busy the gateway is.
 */
export class WriteGenerations {
  private readonly state = new Map<string, { started: number; promise: Promise<string | null>; next?: Promise<string | null> }>();
  private readonly completed = new Map<string, { started: number; value: string | null }>();
  private readonly watched = new Map<string, { value: string; until: number }>();
  /** This process's name to the subgraphs it watches. */
  private readonly watcher = randomUUID();
  private readonly stopWatching = new AbortController();
  /** The subgraphs whose watch failed last time (logged once until it is answered again). */
  private readonly failing = new Set<string>();

  constructor(
    private readonly urls: Readonly<Record<string, string>>,
    private readonly feedKeyHeader: string,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  /** Starts watching every subgraph. */
  watch(): void {
    for (const service of Object.keys(this.urls)) void this.watchOne(service);
  }

  stop(): void {
    this.stopWatching.abort();
  }

  /** The generation a running lease vouches for, now; undefined where none runs. */
  current(service: string): string | undefined {
    const watched = this.watched.get(service);
    return watched && performance.now() < watched.until ? watched.value : undefined;
  }

  /** The generation last known of each subgraph (null: never read, or it did not answer). */
  known(service: string): string | null {
    return this.current(service) ?? this.completed.get(service)?.value ?? null;
  }

  private async watchOne(service: string): Promise<void> {
    const base = this.urls[service];
    const { signal } = this.stopWatching;
    while (base && !signal.aborted) {
      const sent = performance.now();
      const held = this.watched.get(service)?.value ?? '';
      const url = new URL(GENERATION_ROUTE.slice(1), base);
      url.search = new URLSearchParams({ watcher: this.watcher, after: held }).toString();
      try {
        const response = await fetchSubgraph(url.href, {
          method: 'GET',
          headers: { authorization: this.feedKeyHeader, 'x-request-id': randomUUID() },
          body: '',
          timeoutMs: WATCH_HOLD_MS + this.timeoutMs,
          signal,
        });
        const body = JSON.parse(response.body) as { store?: unknown; generation?: unknown };
        if (
          response.status !== 200 ||
          typeof body.store !== 'string' ||
          typeof body.generation !== 'string' ||
          !/^\d+$/.test(body.generation)
        )
          throw new Error(`status ${response.status}`);
        const value = heldGeneration({ store: body.store, generation: body.generation });
        // Another store's generation replaces it; the same store's never goes back.
        if (held && !reaches(value, held) && reaches(held, value)) throw new Error(`an older generation (${value} after ${held})`);
        this.watched.set(service, { value, until: sent + WATCH_LEASE_MS });
        if (this.failing.delete(service)) this.log.info({ service }, "watching the subgraph's write generation again");
      } catch (error) {
        // No lease from here on: the checks stand in until a watch request is answered again.
        this.watched.delete(service);
        if (signal.aborted) return;
        if (!this.failing.has(service)) {
          this.failing.add(service);
          this.log.warn({ service, err: error }, "watching a subgraph's write generation failed; checking it per request meanwhile");
        }
        await new Promise((resolve) => setTimeout(resolve, WATCH_RETRY_MS).unref());
      }
    }
  }

  /** The subgraph's generation as read by a check that started at `since` or later (performance.now()); null if it did not answer. */
  fresh(service: string, since: number): Promise<string | null> {
    const done = this.completed.get(service);
    if (done && done.started >= since) return Promise.resolve(done.value);
    const current = this.state.get(service);
    if (!current) return this.start(service);
    if (current.started >= since) return current.promise;
    // The check in flight started before this request: the next one, shared by all that arrive meanwhile.
    current.next ??= current.promise.then(
      () => this.start(service),
      () => this.start(service),
    );
    return current.next;
  }

  private start(service: string): Promise<string | null> {
    const started = performance.now();
    const promise = this.read(service).then((value) => {
      const done = this.completed.get(service);
      if (!done || done.started <= started) this.completed.set(service, { started, value });
      if (this.state.get(service)?.promise === promise) this.state.delete(service);
      return value;
    });
    this.state.set(service, { started, promise });
    return promise;
  }

  private async read(service: string): Promise<string | null> {
    const base = this.urls[service];
    if (!base) return null;
    try {
      const response = await subgraphFetch(new URL(GENERATION_ROUTE.slice(1), base).href, {
        method: 'GET',
        headers: { authorization: this.feedKeyHeader, 'x-request-id': randomUUID() },
        timeout: this.timeoutMs,
      } as Parameters<typeof subgraphFetch>[1]);
      const body = (await response.json()) as { store?: unknown; generation?: unknown };
      // The store's id with the number: the generation of other data (a subgraph pointed at another store) never matches.
      if (response.ok && typeof body.store === 'string' && typeof body.generation === 'string')
        return heldGeneration({ store: body.store, generation: body.generation });
      this.log.warn({ service, status: response.status }, 'a subgraph did not give its write generation');
    } catch (error) {
      this.log.warn({ service, err: error }, 'a subgraph did not give its write generation');
    }
    return null;
  }
}
