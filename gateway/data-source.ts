import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { clientClosedRequest, responseTooLarge, subgraphUnavailable } from '../services/platform/errors';
import type { Metrics } from '../services/platform/metrics';
import { CLIENT_ADDRESS_HEADER } from '../services/platform/auth';
import type { GatewayContext } from './context';
import { fetchSubgraph, SubgraphFetchError, type RawResponse } from './subgraph-fetch';

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

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type Answer = Awaited<ReturnType<GraphQLDataSource<GatewayContext>['process']>>;

/**
 * A fetch made for a client's operation; health checks and schema loading come without one (and without a
 * context). @apollo/gateway does not export its GraphQLDataSourceRequestKind enum, hence the string.
 */
export function isClientFetch(options: ProcessOptions): options is Extract<ProcessOptions, { context: GatewayContext }> {
  return (options.kind as string) === 'incoming operation';
}

/** What a proxy or a subgraph says when it cannot serve for now (restarting, overloaded, its upstream gone). */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

const isJson = (contentType: string | undefined) =>
  !!contentType && (contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json'));

/**
 * Reaches a subgraph through fetchSubgraph (kept-alive, capped sockets; identical anonymous queries in
 * flight sent once). Forwards the caller's identity and the request id; each subgraph verifies the token itself.
 * A subgraph that cannot be reached fails only its own fetches, with SUBGRAPH_UNAVAILABLE: the query
 * planner's other fetches still run, and the client gets every field the other subgraphs own.
 *
 * It answers like @apollo/gateway's RemoteGraphQLDataSource (an HTTP error status becomes a GraphQLError
 * named after it, with UNAUTHENTICATED or FORBIDDEN for 401 and 403), without building fetch API objects
 * for a request that is one small POST and one JSON body.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly name: string;

  constructor(
    private readonly url: string,
    private readonly options: SubgraphDataSourceOptions = {},
  ) {
    this.name = options.name ?? 'subgraph';
  }

  async process(options: ProcessOptions): Promise<Answer> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const context = isClientFetch(options) ? options.context : undefined;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (context) {
      headers['x-request-id'] = context.requestId;
      if (context.authorization) headers.authorization = context.authorization;
      // Whom the subgraphs' sign-in and sign-up throttles count (services/kit/subgraph.ts trusts it from
      // GATEWAY_ADDRESSES only). On mutations only: a query carrying it could no longer share a fetch in flight.
      if (context.clientAddress && request.query.trimStart().startsWith('mutation')) headers[CLIENT_ADDRESS_HEADER] = context.clientAddress;
    }
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
    const { timeoutMs, maxResponseBytes: maxBytes, metrics } = this.options;
    const end = metrics?.startFetch(this.name);
    let raw: RawResponse | undefined;
    try {
      // The fetch ends when the client request it is made for goes away.
      raw = await fetchSubgraph(this.url, { headers, body, timeoutMs, maxBytes, signal: context?.signal });
      end?.(raw.status >= 200 && raw.status < 300 ? 'ok' : UNAVAILABLE_STATUSES.has(raw.status) ? 'unavailable' : 'error');
      if (raw.status < 200 || raw.status >= 300) throw statusError(raw);
      const answer = parse(raw) as Answer;
      if (context) this.count(context, raw);
      return answer;
    } catch (error) {
      if (!raw) end?.(error instanceof SubgraphFetchError ? 'unavailable' : 'error');
      throw this.failure(error as Error, raw?.status, context);
    }
  }

  /** Counts the fetch and the statements the subgraph reports (when config.responseStats gives the context its counters). */
  private count(context: GatewayContext, raw: RawResponse): void {
    context.cache?.fetched?.add(this.name);
    if (context.stats) {
      context.stats.fetches += 1;
      context.stats.statements += Number(raw.headers['x-sql-statements'] ?? 0);
    }
  }

  /** Turns "could not reach it" into SUBGRAPH_UNAVAILABLE (the cause goes to the log, not to the client). */
  private failure(error: Error, status: number | undefined, context: GatewayContext | undefined): Error {
    // Ended because the client went away: no one reads the answer, nothing to log.
    if (error instanceof SubgraphFetchError && error.abandoned) return clientClosedRequest();
    if (error instanceof SubgraphFetchError && error.tooLarge) return responseTooLarge(this.options.maxResponseBytes ?? 0);
    if (error instanceof SubgraphFetchError || (status !== undefined && UNAVAILABLE_STATUSES.has(status))) {
      context?.log.warn(
        { service: this.name, reason: error instanceof SubgraphFetchError ? error.reason : `HTTP ${status}` },
        'subgraph unavailable',
      );
      return subgraphUnavailable(this.name);
    }
    return error;
  }
}

/** The answer's JSON body; a body that is not JSON is an error, as @apollo/gateway has it. */
function parse(raw: RawResponse): { data?: unknown; errors?: GraphQLFormattedError[]; extensions?: unknown } {
  const body: unknown = isJson(raw.headers['content-type']) ? JSON.parse(raw.body) : raw.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Error(`Expected JSON response body, but received: ${String(body)}`);
  return body;
}

/** RemoteGraphQLDataSource's errorFromResponse: the status as the message, the response in the extensions. */
function statusError(raw: RawResponse): GraphQLError {
  let body: unknown = raw.body;
  if (isJson(raw.headers['content-type'])) {
    try {
      body = JSON.parse(raw.body);
    } catch {
      // Kept as text.
    }
  }
  const code = raw.status === 401 ? 'UNAUTHENTICATED' : raw.status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(`${raw.status}: ${raw.statusText}`, {
    extensions: { response: { url: raw.url, status: raw.status, statusText: raw.statusText, body }, ...(code ? { code } : {}) },
  });
}
