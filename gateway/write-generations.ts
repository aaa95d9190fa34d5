import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../services/platform/logger';
import { GENERATION_ROUTE } from '../services/platform/write-generation-route';
import { subgraphFetch } from './subgraph-fetch';

/**
 * The subgraphs' write generations (services/kit/write-generation.ts), read on demand and shared by the
 * requests that wait for them: while a check of a subgraph is in flight, the requests that arrive share the
 * next one, so a subgraph answers at most two at a time however busy the gateway is.
 */
export class WriteGenerations {
  private readonly state = new Map<string, { started: number; promise: Promise<string | null>; next?: Promise<string | null> }>();
  private readonly completed = new Map<string, { started: number; value: string | null }>();

  constructor(
    private readonly urls: Readonly<Record<string, string>>,
    private readonly feedKeyHeader: string,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  /** The generation last read of each subgraph (null: never read, or it did not answer). */
  known(service: string): string | null {
    return this.completed.get(service)?.value ?? null;
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
      if (response.ok && typeof body.store === 'string' && typeof body.generation === 'string') return `${body.store}:${body.generation}`;
      this.log.warn({ service, status: response.status }, 'a subgraph did not give its write generation');
    } catch (error) {
      this.log.warn({ service, err: error }, 'a subgraph did not give its write generation');
    }
    return null;
  }
}
