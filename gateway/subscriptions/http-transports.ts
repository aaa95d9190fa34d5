import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, GraphQLError, OperationTypeNode, parse, type FormattedExecutionResult } from 'graphql';
import { verifyAuthorization, type RevocationCheck } from '../../services/platform/auth';
import { sendJson } from '../../services/platform/http';
import type { Logger } from '../../services/platform/logger';
import { httpOperationOf } from '../http-operation';
import type { AddressBudget } from './addresses';
import type { LiveFeed } from './live-feed';
import type { SubscriptionPayload } from './operation';
import type { SubscriptionLimits } from './server';

/** How one HTTP response carries a subscription's results. */
interface StreamFormat {
  headers: Record<string, string>;
  start: string;
  next: (result: FormattedExecutionResult) => string;
  heartbeat: string;
  /** How often the heartbeat goes, at most: proxies cut a response that stays silent. */
  heartbeatMs: number;
  end: string;
}

/** GraphQL over Server-Sent Events (the graphql-sse protocol, distinct connections mode). */
const sse = (heartbeatMs: number): StreamFormat => ({
  headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' },
  start: ':\n\n',
  next: (result) => `event: next\ndata: ${JSON.stringify(result)}\n\n`,
  heartbeat: ':\n\n',
  heartbeatMs,
  end: 'event: complete\ndata:\n\n',
});

const part = (body: unknown) => `\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(body)}\r\n--graphql`;

/** Apollo's multipart HTTP subscriptions: each result a part `{"payload": …}`, a `{}` part as heartbeat (every 5 s at most). */
const multipart = (heartbeatMs: number): StreamFormat => ({
  headers: {
    'content-type': 'multipart/mixed;boundary="graphql";subscriptionSpec="1.0"',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
  },
  start: '\r\n--graphql',
  next: (result) => part({ payload: result }),
  heartbeat: part({}),
  heartbeatMs: Math.min(heartbeatMs, 5000),
  end: '--\r\n',
});

/** The operation of a request as the live feed takes it; null when it has none with a text (Apollo Server answers it). */
function payloadOf(method: string | undefined, body: unknown, search: URLSearchParams): SubscriptionPayload | null {
  const operation = httpOperationOf(method, body, search);
  // A GET whose variables are not JSON is left to Apollo Server, which says so.
  if (!operation || typeof operation.query !== 'string' || operation.notJson.includes('variables')) return null;
  const { query, variables, operationName } = operation;
  return { query, variables: variables as SubscriptionPayload['variables'], operationName: operationName as string | null };
}

/**
 * The type of the operation to run when it is a subscription or a mutation (a query: null, and parsed only
 * by Apollo Server); a document that does not parse is left to Apollo Server to refuse.
 */
function operationOf(payload: SubscriptionPayload, maxTokens: number): OperationTypeNode | null {
  if (!/\b(subscription|mutation)\b/.test(payload.query)) return null;
  try {
    const document = parse(payload.query, { maxTokens, noLocation: true });
    return getOperationAST(document, payload.operationName ?? undefined)?.operation ?? null;
  } catch {
    return null;
  }
}

/** The transport the client asked for in its Accept header; SSE when it takes both (urql does). */
function formatOf(accept: string, limits: SubscriptionLimits): StreamFormat | null {
  if (/text\/event-stream/i.test(accept)) return sse(limits.keepAliveMs);
  if (/multipart\/mixed/i.test(accept)) return multipart(limits.keepAliveMs);
  return null;
}

function refuse(res: ServerResponse, status: number, message: string, extensions: Record<string, unknown>): void {
  sendJson(res, status, { errors: [{ message, extensions }] });
}

export interface HttpSubscriptionOptions {
  feed: LiveFeed;
  verifyingKey: KeyObject;
  revocations?: RevocationCheck;
  log: Logger;
  limits: SubscriptionLimits;
  addresses: AddressBudget;
  maxTokens: number;
}

/**
 * Subscriptions over HTTP on the gateway's /graphql: GraphQL over SSE and Apollo's multipart protocol.
 * The token comes in the Authorization header; each response carries one subscription, opened and served
 * by the live feed as graphql-ws's are, within the same per-address limits (addresses.ts). A client that
 * goes away (its connection closes) ends its subscription at once.
 */
export class HttpSubscriptions {
  private readonly streams = new Set<() => void>();

  constructor(private readonly options: HttpSubscriptionOptions) {}

  /**
   * Answers the request when its operation is a subscription (the answer goes on asynchronously) or a
   * mutation by GET (refused): true then.
   */
  handle(req: IncomingMessage, res: ServerResponse, body: unknown, search: URLSearchParams): boolean {
    const payload = payloadOf(req.method, body, search);
    if (!payload) return false;
    const operation = operationOf(payload, this.options.maxTokens);
    if (operation === OperationTypeNode.MUTATION && req.method === 'GET') {
      // A GET may be repeated, prefetched or cached by anything on the way: changes go by POST only.
      res.setHeader('allow', 'POST');
      refuse(res, 405, 'A mutation is sent only by POST (a GET may be repeated or prefetched); send the same body as POST to this URL.', {
        code: 'BAD_REQUEST',
      });
      return true;
    }
    if (operation !== OperationTypeNode.SUBSCRIPTION) return false;
    const format = formatOf(req.headers.accept ?? '', this.options.limits);
    if (!format) {
      const host = req.headers.host ?? 'localhost';
      refuse(
        res,
        406,
        `A subscription needs a streaming transport: graphql-ws over a WebSocket at ws://${host}/graphql (wss:// behind TLS), ` +
          'GraphQL over SSE (Accept: text/event-stream) or multipart HTTP (Accept: multipart/mixed;subscriptionSpec="1.0") on this same URL.',
        { code: 'BAD_REQUEST', transports: ['graphql-ws', 'graphql-sse', 'multipart-subscription'] },
      );
      return true;
    }
    this.serve(req, res, payload, format).catch((error: unknown) => {
      this.options.log.error({ err: error }, 'could not serve an HTTP subscription');
      if (!res.headersSent) refuse(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
      else res.destroy();
    });
    return true;
  }

  /** Ends every stream (the gateway is stopping): each client receives the stream's end. */
  close(): void {
    for (const end of this.streams) end();
  }

  private async serve(req: IncomingMessage, res: ServerResponse, payload: SubscriptionPayload, format: StreamFormat): Promise<void> {
    const { addresses, limits } = this.options;
    const address = req.socket.remoteAddress ?? 'unknown';
    if (addresses.full(address)) {
      return refuse(res, 429, `At most ${limits.maxConnectionsPerAddress} live-feed connections per address.`, { code: 'RATE_LIMITED' });
    }
    const retryAfterSeconds = addresses.subscribe(address);
    if (retryAfterSeconds > 0) {
      res.setHeader('retry-after', String(retryAfterSeconds));
      return refuse(res, 429, `Too many subscriptions; subscribe again in ${retryAfterSeconds} s.`, {
        code: 'RATE_LIMITED',
        retryAfterSeconds,
      });
    }
    const given = req.headers.authorization;
    const authorization = typeof given === 'string' && given.trim() !== '' ? given : null;
    try {
      verifyAuthorization(authorization ?? undefined, this.options.verifyingKey, this.options.revocations);
    } catch (error) {
      const { message, extensions } = error as GraphQLError;
      return refuse(res, 401, message, { code: extensions?.code ?? 'UNAUTHENTICATED' });
    }
    const leave = addresses.enter(address);
    let gone = false;
    let stop = () => undefined as unknown;
    res.once('close', () => {
      gone = true;
      leave();
      stop();
    });
    const opened = await this.options.feed.open(payload, authorization);
    if (gone) {
      if (!Array.isArray(opened)) opened.release();
      return;
    }
    res.writeHead(200, format.headers);
    res.write(format.start);
    if (Array.isArray(opened)) {
      res.write(format.next({ errors: opened.map((error) => error.toJSON()) }));
      return void res.end(format.end);
    }
    const subscriber = this.options.feed.subscribe(opened);
    stop = () => subscriber.return();
    const heartbeat = setInterval(() => res.write(format.heartbeat), format.heartbeatMs);
    const end = () => void subscriber.return();
    this.streams.add(end);
    try {
      for await (const result of subscriber) {
        if (gone) break;
        res.write(format.next(result));
        if (res.writableLength > limits.maxBufferedKb * 1024) {
          this.options.log.warn({ address, bufferedBytes: res.writableLength }, 'closing an HTTP subscription whose client does not read');
          return void res.destroy();
        }
      }
    } finally {
      clearInterval(heartbeat);
      this.streams.delete(end);
    }
    if (!gone) res.end(format.end);
  }
}
