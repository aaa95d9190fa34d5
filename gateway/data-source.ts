import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from './context';
import { subgraphFetch } from './subgraph-fetch';

type DidReceiveResponse = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0];

/**
 * Reaches a subgraph through subgraphFetch (kept-alive, capped sockets; identical anonymous queries in
 * flight sent once). Forwards the caller's identity and the request id; each subgraph verifies the token itself.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string) {
    // No subgraph sets cache hints: parsing each fetch's cache-control header would be work for nothing.
    super({ url, fetcher: subgraphFetch, honorSubgraphCacheControlHeader: false });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading arrive without a client request (and so without a context).
    if (options.kind !== 'incoming operation') return;
    const { request, context } = options;
    request.http?.headers.set('x-request-id', context.requestId);
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }

  /** Counts the fetch and the statements the subgraph reports (only when RESPONSE_STATS is on). */
  override didReceiveResponse({ response, context }: DidReceiveResponse): DidReceiveResponse['response'] {
    if (context.stats) {
      context.stats.fetches += 1;
      context.stats.statements += Number(response.http?.headers.get('x-sql-statements') ?? 0);
    }
    return response;
  }
}
