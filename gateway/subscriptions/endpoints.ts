import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { subgraphFetch } from '../subgraph-fetch';

/** The subscription's own operation for the owning subgraph, as the `start` and `events` routes take it. */
export interface FeedCall {
  query: string;
  variables: Record<string, unknown>;
}

/** One event as the subgraph resolved it for a subscriber: the primary operation's result. */
export interface PrimaryEvent {
  id: number;
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

export interface EventPage {
  events: PrimaryEvent[];
  /** The last id the subgraph examined: the next page starts after it. */
  last: number;
}

/** The subgraph could not be reached or failed (5xx, no answer in time): the same call may succeed later. */
export class FeedUnavailable extends Error {}

/** The subgraph refused the call (bad arguments, a token it does not accept): its errors are for the subscriber. */
export class FeedRefused extends Error {
  constructor(readonly errors: GraphQLFormattedError[]) {
    super(errors[0]?.message ?? 'refused');
  }
}

/** Waits before asking again for events: together about as long as a subgraph takes to restart. */
const RETRY_DELAYS_MS = [100, 500, 2000];

const idOf = (value: unknown): number => {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) throw new FeedUnavailable(`not an event id: ${String(value)}`);
  return Number(value);
};

/**
 * The gateway's side of the live-feed protocol (docs/live-feeds.md): the routes each subgraph serves
 * next to its GraphQL endpoint, /feeds/<field>/{head,start,events}. `head` carries the gateway's feed
 * key; `start` and `events` the subscriber's own Authorization, so that the subgraph applies
 * that viewer's rights. Sent on the kept-alive, capped sockets of the gateway's subgraph fetches.
 */
export class FeedEndpoints {
  constructor(
    private readonly urls: Readonly<Record<string, string>>,
    /** The Authorization header of `head`: the gateway's feed key (platform/feed-key.ts). */
    private readonly feedKeyHeader: string,
    private readonly timeoutMs: number,
  ) {}

  async head(service: string, field: string): Promise<number> {
    const body = (await this.send(service, field, 'head', { method: 'GET', headers: { authorization: this.feedKeyHeader } })) as {
      head?: unknown;
    };
    return idOf(body.head);
  }

  /** Where the subscription starts: after this id (replaying the log), or null for live from now. */
  async start(service: string, field: string, call: FeedCall, authorization: string | null): Promise<number | null> {
    const body = (await this.post(service, field, 'start', call, authorization)) as { after?: unknown };
    return body.after === null ? null : idOf(body.after);
  }

  /** Asked again after a short wait when the subgraph is out of reach (a restart, a blip), before giving up. */
  async events(
    service: string,
    field: string,
    call: FeedCall,
    authorization: string | null,
    after: number,
    until: number,
  ): Promise<EventPage> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.eventsOnce(service, field, call, authorization, after, until);
      } catch (error) {
        if (!(error instanceof FeedUnavailable) || attempt >= RETRY_DELAYS_MS.length) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]).unref());
      }
    }
  }

  private async eventsOnce(
    service: string,
    field: string,
    call: FeedCall,
    authorization: string | null,
    after: number,
    until: number,
  ): Promise<EventPage> {
    const body = (await this.post(service, field, 'events', { ...call, after: String(after), until: String(until) }, authorization)) as {
      events?: { id: unknown; data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] }[];
      last?: unknown;
    };
    if (!Array.isArray(body.events)) throw new FeedUnavailable('no events in the answer');
    return { events: body.events.map((event) => ({ ...event, id: idOf(event.id) })), last: idOf(body.last) };
  }

  private post(service: string, field: string, action: string, body: unknown, authorization: string | null): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization) headers.authorization = authorization;
    return this.send(service, field, action, { method: 'POST', headers, body: JSON.stringify(body) });
  }

  private async send(
    service: string,
    field: string,
    action: string,
    init: { method: string; headers: Record<string, string>; body?: string },
  ): Promise<unknown> {
    const base = this.urls[service];
    if (!base) throw new FeedUnavailable(`no URL for the ${service} subgraph`);
    // Relative to the GraphQL URL: a subgraph behind a path prefix serves its feeds under the same prefix.
    const url = new URL(`feeds/${encodeURIComponent(field)}/${action}`, base);
    let response: Awaited<ReturnType<typeof subgraphFetch>>;
    let body: { errors?: GraphQLFormattedError[] } & Record<string, unknown>;
    try {
      const headers = { ...init.headers, 'x-request-id': randomUUID() };
      response = await subgraphFetch(url.href, { ...init, headers, timeout: this.timeoutMs } as Parameters<typeof subgraphFetch>[1]);
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new FeedUnavailable(`${url.pathname}: ${(error as Error).message}`);
    }
    if (response.status >= 500 || !body || typeof body !== 'object') throw new FeedUnavailable(`${url.pathname}: HTTP ${response.status}`);
    if (!response.ok) throw new FeedRefused(Array.isArray(body.errors) ? body.errors : [{ message: `HTTP ${response.status}` }]);
    return body;
  }
}
