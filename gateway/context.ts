import type { Logger } from '../services/platform/logger';

/** What the gateway keeps of a client request: enough to pass identity and the request id on. */
export interface GatewayContext {
  requestId: string;
  authorization: string | null;
  log: Logger;
  /** The client's address, for the per-address mutation rate limit (gateway/edge.ts). */
  clientAddress?: string;
  /** Subgraph fetches made for the request and the SQL statements they reported (benchmarks read them). */
  stats?: { fetches: number; statements: number };
  /** The subgraphs fetched for the request, when the response cache may store its answer (gateway/response-cache.ts). */
  fetched?: Set<string>;
  /** Fires when the client went away before its answer was written: the subgraph fetches made for it end. */
  signal?: AbortSignal;
}
