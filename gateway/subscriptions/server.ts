import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { verifyAuthorization } from '../../services/platform/auth';
import type { Logger } from '../../services/platform/logger';
import type { LiveFeed } from './live-feed';
import type { FeedRequest } from './request';

export interface SubscriptionLimits {
  maxConnectionsPerAddress: number;
  maxSubscriptionsPerConnection: number;
  /** Ping every this many ms; a socket that does not answer within the next interval is dropped. */
  keepAliveMs: number;
}

export const DEFAULT_LIMITS: SubscriptionLimits = { maxConnectionsPerAddress: 50, maxSubscriptionsPerConnection: 20, keepAliveMs: 12_000 };

interface Options {
  server: http.Server;
  path: string;
  feed: LiveFeed;
  jwtSecret: string;
  log: Logger;
  limits?: Partial<SubscriptionLimits>;
}

type ConnectionContext = WsContext<Record<string, unknown> | undefined, { request: http.IncomingMessage }>;

/**
 * graphql-ws on the gateway's own endpoint: the token comes in the connection_init payload
 * (`{ "authorization": "Bearer …" }`) and is checked there; each subscription is opened by the live
 * feed, which knows no transport. Returns a function that closes every socket with 1001 (going away).
 */
export function attachSubscriptions(options: Options): { close: () => Promise<void> } {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  const perAddress = new Map<string, number>();
  const authorizations = new WeakMap<object, string | null>();

  options.server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const address = request.socket.remoteAddress ?? 'unknown';
    if (pathname !== options.path) return refuseUpgrade(socket, 404, 'Not Found');
    if ((perAddress.get(address) ?? 0) >= limits.maxConnectionsPerAddress) return refuseUpgrade(socket, 429, 'Too Many Requests');
    sockets.handleUpgrade(request, socket, head, (ws) => {
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      ws.once('close', () => {
        const left = (perAddress.get(address) ?? 1) - 1;
        if (left > 0) perAddress.set(address, left);
        else perAddress.delete(address);
      });
      sockets.emit('connection', ws, request);
    });
  });

  const disposable = useServer(
    {
      isProd: true,
      onConnect: (ctx: ConnectionContext) => {
        const given = ctx.connectionParams?.authorization;
        const authorization = typeof given === 'string' && given.trim() !== '' ? given : null;
        try {
          verifyAuthorization(authorization ?? undefined, options.jwtSecret);
        } catch {
          return false;
        }
        authorizations.set(ctx, authorization);
        return true;
      },
      onSubscribe: async (ctx: ConnectionContext, _id, payload) => {
        // graphql-ws has already entered this subscription's id when it asks.
        if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(`At most ${limits.maxSubscriptionsPerConnection} subscriptions per connection.`, {
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          ];
        }
        const opened = await options.feed.open(payload, authorizations.get(ctx) ?? null);
        if (Array.isArray(opened)) return opened;
        const request = opened;
        return {
          schema: options.feed.schema,
          document: request.document,
          operationName: request.operationName,
          variableValues: request.variables,
          contextValue: request,
        };
      },
      // Results come formatted and masked (plain errors, not the GraphQLErrors graphql-ws's types expect),
      // so they are sent as they are.
      subscribe: (args) => options.feed.subscribe(args.contextValue as FeedRequest) as unknown as AsyncIterable<ExecutionResult>,
      onNext: (_ctx, _id, _payload, _args, result) => result,
    },
    sockets,
    limits.keepAliveMs,
  );

  return {
    close: async () => {
      await disposable.dispose();
    },
  };
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}
