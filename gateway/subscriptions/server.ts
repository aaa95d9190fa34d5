import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
import { verifyAuthorization } from '../../services/platform/auth';
import type { Logger } from '../../services/platform/logger';
import { addressKey, RateLimiter } from '../edge';
import { CLOSE_TOO_BIG, ConnectionGuard, SampledWarn, type ConnectionLimits } from './connection';
import type { LiveFeed } from './live-feed';
import type { ReplayLimits } from './replays';
import type { FeedRequest } from './request';

export interface SubscriptionLimits extends ConnectionLimits, ReplayLimits {
  maxConnectionsPerAddress: number;
  subscribesPerSecondPerAddress: number;
  subscribeBurstPerAddress: number;
  /** Ping every this many ms; a socket that does not answer within the next interval is dropped. */
  keepAliveMs: number;
}

/** As services/platform/config.ts documents them (config.feed), for a gateway started without them. */
export const DEFAULT_LIMITS: SubscriptionLimits = {
  maxConnectionsPerAddress: 50,
  maxSubscriptionsPerConnection: 20,
  subscribesPerSecond: 10,
  subscribeBurst: 20,
  subscribesPerSecondPerAddress: 50,
  subscribeBurstPerAddress: 100,
  maxBufferedKb: 1024,
  maxReplays: 4,
  maxQueuedReplays: 100,
  keepAliveMs: 12_000,
};

/** The largest message a client may send: a subscription's query and variables fit in far less. */
const MAX_PAYLOAD = 256 * 1024;

interface Options {
  server: http.Server;
  path: string;
  feed: LiveFeed;
  jwtSecret: string;
  log: Logger;
  limits?: Partial<SubscriptionLimits>;
}

type ConnectionContext = WsContext<Record<string, unknown> | undefined, { socket: WebSocket; request: http.IncomingMessage }>;

/**
 * graphql-ws on the gateway's own endpoint: the token comes in the connection_init payload
 * (`{ "authorization": "Bearer …" }`) and is checked there; each subscription is opened by the live
 * feed, which knows no transport. Returns a function that closes every socket with 1001 (going away).
 */
export function attachSubscriptions(options: Options): { close: () => Promise<void> } {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
  const perAddress = new Map<string, number>();
  const authorizations = new WeakMap<object, string | null>();
  const guards = new WeakMap<WebSocket, ConnectionGuard>();
  const subscribesPerAddress = new RateLimiter(
    limits.subscribesPerSecondPerAddress * 60,
    Date.now,
    100_000,
    limits.subscribeBurstPerAddress,
  );
  const warn = new SampledWarn(options.log);

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
      const guard = new ConnectionGuard(ws, addressKey(address), limits, subscribesPerAddress, warn);
      guards.set(ws, guard);
      ws.on('message', () => guard.overBuffered());
      sockets.emit('connection', ws, request);
      // In place of graphql-ws's listener, which prints the stack of what is the client's fault (a message
      // over maxPayload, bad framing) to stderr. ws has already closed the socket with the code that fits.
      ws.removeAllListeners('error');
      ws.on('error', (error: Error & { code?: string }) => {
        warn.warn(error.code ?? 'socket', { address, code: error.code, reason: error.message }, 'closed a WebSocket on a client error');
        if (ws.readyState === WebSocket.OPEN) ws.close(error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? CLOSE_TOO_BIG : 1002);
      });
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
      onSubscribe: async (ctx: ConnectionContext, id, payload) => {
        const guard = guards.get(ctx.extra.socket)!;
        // graphql-ws has already entered this subscription's id when it asks.
        const refused = guard.admit(Object.keys(ctx.subscriptions).length);
        if (refused) return refused;
        const stands = guard.begin(id);
        const opened = await options.feed.open(payload, authorizations.get(ctx) ?? null);
        // Completed (or its socket closed) while it was being opened: it costs nothing more. graphql-ws
        // sends nothing for a subscription it no longer has.
        if (!stands() || !(id in ctx.subscriptions)) {
          if (!Array.isArray(opened)) opened.release();
          return [new GraphQLError('Completed before it started.', { extensions: { code: 'CANCELLED' } })];
        }
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
      onNext: (ctx: ConnectionContext, _id, _payload, _args, result) => {
        guards.get(ctx.extra.socket)?.overBuffered();
        return result;
      },
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
