import type { Logger } from '../services/platform/logger';
import type { StoredAnswer } from './response-store';

/** What the gateway keeps of a client request: enough to pass identity and the request id on. */
export interface GatewayContext {
  requestId: string;
  authorization: string | null;
  log: Logger;
  /** The client's address, for the per-address mutation rate limit (gateway/edge.ts). */
  clientAddress?: string;
  /** Subgraph fetches made for the request and the SQL statements they reported (benchmarks read them). */
  stats?: { fetches: number; statements: number };
  /**
   * The response cache's notes on the request (gateway/response-cache.ts), when it is on: the subgraphs
   * fetched for it, and its answer waiting to be stored once the HTTP layer says how it was sent. An object
   * of its own: Apollo Server hands plugins and data sources a copy of the context.
   */
  cache?: { fetched?: Set<string>; pending?: { key: string; answer: StoredAnswer } };
  /** Fires when the client went away before its answer was written: the subgraph fetches made for it end. */
  signal?: AbortSignal;
}
