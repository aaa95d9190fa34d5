import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { clientClosedRequest, responseTooLarge, subgraphUnavailable } from '../services/platform/errors';
import type { Metrics } from '../services/platform/metrics';
import { CLIENT_ADDRESS_HEADER } from '../services/platform/auth';
import type { GatewayContext } from './context';
import { SIGNAL_HEADER, signalKey, SubgraphFetchError, subgraphFetch } from './subgraph-fetch';

type DidReceiveResponse = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0];
type FetchResponse = Parameters<RemoteGraphQLDataSource<GatewayContext>['didEncounterError']>[2];

export interface SubgraphDataSourceOptions {
  /** The subgraph's name, given to the client when it cannot be reached. */
  name?: string;
  /** SUBGRAPH_TIMEOUT_MS: a subgraph that has not answered by then counts as unavailable. */
  timeoutMs?: number;
  /** Where each fetch's time goes (enlace_subgraph_fetch_duration_seconds). */
  metrics?: Metrics;
  /** RESPONSE_MAX_BYTES: the most of a subgraph's answer the gateway reads. */
  maxResponseBytes?: number;
}

/**
 * A fetch made for a client's operation; health checks and schema loading come without one (and without a
 * context). @apollo/gateway does not export its GraphQLDataSourceRequestKind enum, hence the string.
 */
export function isClientFetch(
  options: GraphQLDataSourceProcessOptions<GatewayContext>,
): options is Extract<GraphQLDataSourceProcessOptions<GatewayContext>, { context: GatewayContext }> {
  return (options.kind as string) === 'incoming operation';
}

/** What a proxy or a subgraph says when it cannot serve for now (restarting, overloaded, its upstream gone). */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** A fetcher that reports how long each fetch took and how it ended. */
function timed(fetch: typeof subgraphFetch, start: () => (outcome: 'ok' | 'error' | 'unavailable') => void): typeof subgraphFetch {
  return async (input, init) => {
    const end = start();
    try {
      const response = await fetch(input, init);
      end(response.ok ? 'ok' : UNAVAILABLE_STATUSES.has(response.status) ? 'unavailable' : 'error');
      return response;
    } catch (error) {
      end(error instanceof SubgraphFetchError ? 'unavailable' : 'error');
      throw error;
    }
  };
}

/**
 * Reaches a subgraph through subgraphFetch (kept-alive, capped sockets; identical anonymous queries in
 * flight sent once). Forwards the caller's identity and the request id; each subgraph verifies the token itself.
 * A subgraph that cannot be reached fails only its own fetches, with SUBGRAPH_UNAVAILABLE: the query
 * planner's other fetches still run, and the client gets every field the other subgraphs own.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly name: string;
  private readonly maxResponseBytes: number | undefined;

  constructor(url: string, options: SubgraphDataSourceOptions = {}) {
    const { timeoutMs: timeout, metrics, maxResponseBytes: maxBytes } = options;
    const name = options.name ?? 'subgraph';
    const fetch: typeof subgraphFetch = (input, init) => subgraphFetch(input, { ...init, timeout, maxBytes } as typeof init);
    super({
      url,
      fetcher: metrics ? timed(fetch, () => metrics.startFetch(name)) : fetch,
      // No subgraph sets cache hints: parsing each fetch's cache-control header would be work for nothing.
      honorSubgraphCacheControlHeader: false,
    });
    this.name = name;
    this.maxResponseBytes = maxBytes;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!isClientFetch(options)) return;
    const { request, context } = options;
    request.http?.headers.set('x-request-id', context.requestId);
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    // Whom the subgraphs' sign-in and sign-up throttles count (services/kit/subgraph.ts trusts it from
    // GATEWAY_ADDRESSES only). On mutations only: a query carrying it could no longer share a fetch in flight.
    if (context.clientAddress && request.query?.trimStart().startsWith('mutation')) {
      request.http?.headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
    }
    // The fetch ends when the client request it is made for goes away (see subgraphFetch).
    if (context.signal) request.http?.headers.set(SIGNAL_HEADER, signalKey(context.signal));
  }

  /** Counts the fetch and the statements the subgraph reports (when config.responseStats gives the context its counters). */
  override didReceiveResponse({ response, context }: DidReceiveResponse): DidReceiveResponse['response'] {
    context.cache?.fetched?.add(this.name);
    if (context.stats) {
      context.stats.fetches += 1;
      context.stats.statements += Number(response.http?.headers.get('x-sql-statements') ?? 0);
    }
    return response;
  }

  /** Turns "could not reach it" into SUBGRAPH_UNAVAILABLE (the cause goes to the log, not to the client). */
  override didEncounterError(error: Error, _request: unknown, response?: FetchResponse, context?: GatewayContext): void {
    // Ended because the client went away: no one reads the answer, nothing to log.
    if (error instanceof SubgraphFetchError && error.abandoned) throw clientClosedRequest();
    if (error instanceof SubgraphFetchError && error.tooLarge) throw responseTooLarge(this.maxResponseBytes ?? 0);
    const status = response?.status;
    if (error instanceof SubgraphFetchError || (status !== undefined && UNAVAILABLE_STATUSES.has(status))) {
      context?.log.warn(
        { service: this.name, reason: error instanceof SubgraphFetchError ? error.reason : `HTTP ${status}` },
        'subgraph unavailable',
      );
      throw subgraphUnavailable(this.name);
    }
    throw error;
  }
}
