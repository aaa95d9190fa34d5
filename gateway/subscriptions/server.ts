import type { KeyObject } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { handleProtocols, makeServer, type SubscribePayload } from 'graphql-ws';
import WebSocket, { WebSocketServer } from 'ws';
import { verifyAuthorization, type RevocationCheck } from '../../services/platform/auth';
import type { Logger } from '../../services/platform/logger';
import { addressKey } from '../edge';
import { AddressBudget } from './addresses';
import { ConnectionGuard, sampledWarn, type ConnectionLimits } from './connection';
import type { LiveFeed } from './live-feed';
import type { ReplayLimits } from './replays';
import type { FeedRequest } from './request';
import { serveSocket, type SocketExtra } from './socket';

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

/** The refusal of a subscription graphql-ws no longer has (completed, or its socket closing): it sends nothing for it. */
const UNSENT = [new GraphQLError('No longer subscribed.', { extensions: { code: 'CANCELLED' } })];

/** The largest message a client may send: a subscription's query and variables fit in far less. */
const MAX_PAYLOAD = 256 * 1024;

interface Options {
  server: http.Server;
  path: string;
  feed: LiveFeed;
  verifyingKey: KeyObject;
  /** A connection whose token was revoked (its user's role or password changed) is refused like an expired one. */
  revocations?: RevocationCheck;
  log: Logger;
  limits?: Partial<SubscriptionLimits>;
  /** Connections and subscribes per client address, shared with the HTTP transports (addresses.ts); none: its own. */
  addresses?: AddressBudget;
  /** The gateway's trusted documents: a registered id becomes its text, or the subscription is refused; none: as sent. */
  admit?: (payload: SubscribePayload) => SubscribePayload | GraphQLError;
}

/**
 * graphql-ws on the gateway's own endpoint: the token comes in the connection_init payload
 * (`{ "authorization": "Bearer …" }`) and is checked there; each subscription is opened by the live
 * feed, which knows no transport. Returns a function that closes every socket with 1001 (going away).
 */
export function attachSubscriptions(options: Options): { close: () => Promise<void> } {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD, handleProtocols });
  const authorizations = new WeakMap<object, string | null>();
  const guards = new WeakMap<WebSocket, ConnectionGuard>();
  const warn = sampledWarn(options.log);
  const addresses = options.addresses ?? new AddressBudget(limits);

  const server = makeServer<Record<string, unknown> | undefined, SocketExtra>({
    onConnect: (ctx) => {
      const given = ctx.connectionParams?.authorization;
      const authorization = typeof given === 'string' && given.trim() !== '' ? given : null;
      try {
        verifyAuthorization(authorization ?? undefined, options.verifyingKey, options.revocations);
      } catch {
        return false;
      }
      authorizations.set(ctx, authorization);
      return true;
    },
    onSubscribe: async (ctx, id, payload) => {
      const guard = guards.get(ctx.extra.socket)!;
      // What is still read from a socket being closed is dropped unopened; graphql-ws answers nothing.
      if (ctx.extra.socket.readyState !== WebSocket.OPEN) return UNSENT;
      // graphql-ws has already entered this subscription's id when it asks.
      const refused = guard.admit(Object.keys(ctx.subscriptions).length);
      if (refused) return refused;
      const admitted = options.admit ? options.admit(payload) : payload;
      if (admitted instanceof GraphQLError) return [admitted];
      const stands = guard.begin(id);
      const opened = await options.feed.open(admitted, authorizations.get(ctx) ?? null);
      // Completed (or its socket closed) while it was being opened: it costs nothing more. graphql-ws
      // sends nothing for a subscription it no longer has.
      if (!stands() || !(id in ctx.subscriptions)) {
        if (!Array.isArray(opened)) opened.release();
        return UNSENT;
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
    onNext: (ctx, _id, _payload, _args, result) => {
      guards.get(ctx.extra.socket)?.overBuffered();
      return result;
    },
  });

  options.server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const address = request.socket.remoteAddress ?? 'unknown';
    if (pathname !== options.path) return refuseUpgrade(socket, 404, 'Not Found');
    if (addresses.full(address)) return refuseUpgrade(socket, 429, 'Too Many Requests');
    sockets.handleUpgrade(request, socket, head, (ws) => {
      ws.once('close', addresses.enter(address));
      const guard = new ConnectionGuard(ws, addressKey(address), limits, addresses.subscribes, warn);
      guards.set(ws, guard);
      ws.on('message', () => guard.overBuffered());
      serveSocket(server, ws, request, limits.keepAliveMs, options.log, warn);
    });
  });

  return {
    close: async () => {
      for (const client of sockets.clients) client.close(1001, 'Going away');
      await new Promise<void>((resolve, reject) => sockets.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}
