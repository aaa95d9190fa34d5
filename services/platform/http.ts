import http, { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { ApolloServer, BaseContext, HeaderMap } from '@apollo/server';
import { answerBytes } from './answer-encoding';
import { responseTooLarge } from './errors';
import { onStopSignals } from './launcher';
import { LogSampler } from './log-sampler';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Thrown by readBody past MAX_BODY_BYTES; answer 413 and close the connection (the rest is unread). */
export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function requestError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

const CORS_ALLOWED_HEADERS = 'authorization, content-type, accept, apollo-require-preflight, x-apollo-operation-name, x-request-id';

/**
 * CORS for the origins given (`*`: any): the allow headers when the request's Origin is one of them,
 * and the answer to a preflight (OPTIONS), which it sends itself: returns true then. No origin
 * listed: browsers keep to the same origin. Tokens travel in the Authorization header, not in
 * cookies, so credentials are never allowed.
 */
function applyCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  const any = origins.includes('*');
  if (!any) res.setHeader('vary', 'Origin');
  const allowed = typeof origin === 'string' && (any || origins.includes(origin));
  if (allowed) {
    res.setHeader('access-control-allow-origin', any ? '*' : origin);
    res.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', CORS_ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(204);
  res.end();
  return true;
}

/** The request id a caller (the gateway) passed on, or a fresh one; echoed in the response header. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

/** A response given again as it was sent (the gateway's response cache). */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  /** Bytes already encoded: written as they are. */
  body: Buffer;
}

export interface GraphQLHttpOptions<C extends BaseContext> {
  path: string;
  /** `abandoned` fires when the client goes away before its answer is written: the request's work can stop. */
  context: (req: IncomingMessage, requestId: string, abandoned: AbortSignal) => Promise<C>;
  /** Answers /ready: true when the process can serve (its database answers). */
  ready: () => Promise<boolean>;
  log: Logger;
  /** Counters of each request for benchmarks and tests (config.responseStats); none: no counting. */
  instrument?: RequestInstrument<C>;
  /** Other routes of this server (the gateway's GraphiQL page); answers true when it handled the request. */
  routes?: (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean;
  /**
   * Requests on `path` the owner answers itself once their body is read (the gateway's subscriptions over
   * SSE and multipart HTTP): given the parsed body and the query string, answers true when it took the request.
   */
  operations?: (req: IncomingMessage, res: ServerResponse, body: unknown, search: URLSearchParams) => boolean;
  /**
   * Decides first what operation a request on `path` carries (the gateway's trusted documents): the body and
   * query string to go on with, or a refusal, answered as a GraphQL error with its HTTP status.
   */
  admit?: (
    method: string | undefined,
    body: unknown,
    search: URLSearchParams,
  ) => { body: unknown; search: URLSearchParams } | { refusal: { status: number; code: string; message: string } };
  /**
   * Answers a GraphQL request without running it when it can (the gateway's response cache): the stored
   * response, or undefined to run it. Asked after `admit` and `operations`.
   */
  shortcut?: (req: IncomingMessage, body: unknown, search: URLSearchParams) => Promise<StoredResponse | undefined>;
  /** Told the status and headers of each GraphQL answer as sent (the response cache learns what to send again). */
  answered?: (context: C, req: IncomingMessage, status: number, headers: HeaderMap) => void;
  /** Path prefixes of `routes` that /metrics counts under a label of their own (a subgraph's "/feeds"). */
  routeLabels?: readonly string[];
  /** Origins allowed to call from a browser (CORS; `*`: any); given (even empty), preflights are answered. */
  corsOrigins?: readonly string[];
  /** Served at GET /metrics, and told of every response; none: no /metrics (METRICS=false). */
  metrics?: Metrics;
  /** RESPONSE_MAX_BYTES: a larger GraphQL answer is replaced by the RESPONSE_TOO_LARGE error. */
  maxResponseBytes?: number;
}

/**
 * What a server counts of each request for benchmarks and tests: `around` runs the request (so that work
 * it causes can be attributed to its id), `headers` then gives the counts, sent as `x-<name>` headers.
 */
export interface RequestInstrument<C> {
  around: <T>(requestId: string, work: () => Promise<T>) => Promise<T>;
  headers: (context: C, requestId: string) => Record<string, number>;
}

/** The routes /metrics counts apart; anything else (a scanner's probes) counts as "other". */
const ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics']);

/**
 * Whether a request failed because its client went away (closed or reset the connection mid-body):
 * nothing is wrong with the server, and no answer can reach anyone.
 */
function clientWentAway(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'EPIPE';
}

/**
 * A plain node:http server in front of Apollo Server: GraphQL on `path`, /health (the process is up),
 * /ready (it can serve), /metrics, a body limit, and the request id in every response.
 */
export function createGraphQLHttpServer<C extends BaseContext>(apollo: ApolloServer<C>, options: GraphQLHttpOptions<C>): http.Server {
  // A client's broken request is its own doing: a sampled warn without a stack, not an error per request.
  const clientProblems = new LogSampler(options.log);
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const { metrics } = options;
    if (metrics) {
      const route = ROUTES.has(url.pathname)
        ? url.pathname
        : (options.routeLabels?.find((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)) ?? 'other');
      res.once('finish', () => metrics.countResponse(route, res.statusCode));
    }
    if (options.corsOrigins && applyCors(req, res, options.corsOrigins)) return;
    try {
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/metrics' && metrics) {
        const text = await metrics.text();
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        return void res.end(text);
      }
      if (options.routes?.(req, res, url.pathname)) return;
      if (url.pathname === '/ready') {
        const ready = await options.ready().catch(() => false);
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
      }
      if (url.pathname !== options.path) return requestError(res, 404, 'NOT_FOUND', `Nothing here; GraphQL is at ${options.path}.`);

      const raw = req.method === 'POST' ? await readBody(req) : '';
      let body: unknown = raw;
      if (raw && (req.headers['content-type'] ?? '').includes('json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          return requestError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
        }
      }
      let search = url.searchParams;
      if (options.admit) {
        const admitted = options.admit(req.method, body, search);
        if ('refusal' in admitted) return requestError(res, admitted.refusal.status, admitted.refusal.code, admitted.refusal.message);
        ({ body, search } = admitted);
      }
      if (options.operations?.(req, res, body, search)) return;
      const stored = options.shortcut ? await options.shortcut(req, body, search) : undefined;
      if (stored) {
        for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
        res.statusCode = stored.status;
        return void res.end(stored.body);
      }
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      let context: C | undefined;
      // The client (the gateway's fetch, a browser) closed its connection before the answer was written:
      // no one will read it, so the work for it stops (see services/kit/answer-guard.ts).
      const abandoned = new AbortController();
      // The gateway's fetches for one request each listen to it while in flight: more than Node's default 10 is no leak.
      setMaxListeners(0, abandoned.signal);
      res.once('close', () => {
        if (!res.writableFinished) abandoned.abort();
      });
      const execute = () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: (req.method ?? 'GET').toUpperCase(),
            headers,
            search: search === url.searchParams ? url.search : `?${search.toString()}`,
            body,
          },
          context: async () => (context = await options.context(req, requestId, abandoned.signal)),
        });
      const { instrument } = options;
      const result = await (instrument ? instrument.around(requestId, execute) : execute());
      // Taken at once: the bytes stringifyAnswer keeps for the token are held until then.
      const bytes = result.body.kind === 'complete' ? answerBytes(result.body.string) : undefined;
      if (instrument && context) {
        for (const [name, value] of Object.entries(instrument.headers(context, requestId))) res.setHeader(`x-${name}`, value);
      }
      for (const [name, value] of result.headers) res.setHeader(name, value);
      res.statusCode = result.status ?? 200;
      if (bytes) {
        const { maxResponseBytes } = options;
        if (maxResponseBytes !== undefined && bytes.length > maxResponseBytes) {
          const { message, extensions } = responseTooLarge(maxResponseBytes);
          res.end(JSON.stringify({ errors: [{ message, extensions }] }));
        } else {
          res.end(bytes);
          if (options.answered && context) options.answered(context, req, res.statusCode, result.headers);
        }
      } else if (result.body.kind === 'chunked') {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // The rest of the body is never read: a kept-alive socket would parse it as the next request.
        res.setHeader('connection', 'close');
        return requestError(res, 413, 'BAD_REQUEST', `The request body is over ${MAX_BODY_BYTES} bytes.`);
      }
      if (clientWentAway(error)) {
        clientProblems.warn('client-gone', { requestId, reason: (error as Error)?.message }, 'client went away before the answer');
        return void res.destroy();
      }
      options.log.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) requestError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.end();
    }
  };
  // `answer` answers every error itself (500 at worst): nothing is left to the promise it returns.
  return trackResponses(http.createServer((req, res) => void answer(req, res)));
}

/** Listens on the port (0 picks a free one) and resolves with the port taken. */
export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** The answers a server is writing, and whether it is draining (see close). */
interface Responses {
  open: Set<ServerResponse>;
  draining: boolean;
}

const responsesOf = new WeakMap<http.Server, Responses>();

/**
 * Keeps the responses in progress, so that close() can let them finish. While draining, each answer
 * ends its connection: a kept-alive socket would otherwise carry a new request in after the drain began,
 * or sit idle and hold server.close() until its keep-alive runs out.
 */
function trackResponses(server: http.Server): http.Server {
  const responses: Responses = { open: new Set(), draining: false };
  responsesOf.set(server, responses);
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (responses.draining && !res.headersSent) res.setHeader('connection', 'close');
    responses.open.add(res);
    res.once('close', () => {
      responses.open.delete(res);
      if (responses.draining) setImmediate(() => server.closeIdleConnections());
    });
  });
  return server;
}

/**
 * Stops the server gracefully: it stops accepting at once and closes idle connections, lets the
 * requests in flight finish for up to `graceMs` (SHUTDOWN_GRACE_MS), then cuts whatever is left.
 * WebSockets are not HTTP requests: their owner closes them (the live feed, with 1001).
 */
export function close(server: http.Server, graceMs = 0): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    const responses = responsesOf.get(server);
    if (responses) {
      responses.draining = true;
      for (const res of responses.open) if (!res.headersSent) res.setHeader('connection', 'close');
    }
    server.closeIdleConnections();
  });
}

/** Stops once on SIGTERM or SIGINT, logging the drain, then exits (onStopSignals). */
export function onStopSignal(log: Logger, stop: () => Promise<void>): void {
  onStopSignals(
    (signal) => {
      log.info({ signal }, 'stopping: draining requests in flight');
      return stop();
    },
    (error) => log.error({ err: error }, 'could not stop cleanly'),
  );
}
