import http from 'node:http';
import fetch, { RequestInit } from 'node-fetch';
import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from './context';

/**
 * Connections to the subgraphs are kept alive (one TCP handshake per socket, not per fetch) and
 * capped, so a burst of client requests cannot open unbounded sockets to a subgraph.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16 });

const keepAliveFetch = ((url: string, init?: RequestInit) => fetch(url, { ...init, agent })) as typeof fetch;

/** Forwards the caller's identity and the request id; each subgraph verifies the token itself. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string) {
    super({ url, fetcher: keepAliveFetch as never });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading arrive without a client request (and so without a context).
    if (options.kind !== 'incoming operation') return;
    const { request, context } = options;
    request.http?.headers.set('x-request-id', context.requestId);
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }
}
