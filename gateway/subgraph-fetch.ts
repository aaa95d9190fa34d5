import http from 'node:http';
import { Headers, Response } from 'node-fetch';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * How the gateway reaches its subgraphs: node:http on kept-alive sockets, capped per subgraph (a burst of
 * client requests cannot open unbounded sockets), and identical anonymous queries in flight at the same
 * time sent once.
 *
 * node:http instead of node-fetch: the fetch is one small POST and one JSON body; node-fetch's streams
 * and Request objects cost the gateway more than the request itself (see the README's Performance).
 */
/**
 * `timeout` is what makes node:http honour the subgraph's `Keep-Alive: timeout=5` hint: without it, an idle
 * socket is kept until the subgraph closes it (Node's keepAliveTimeout, 5 s), and a request written on it
 * just then meets a reset. A mutation cannot be sent again (it may have run), so the client got
 * SUBGRAPH_UNAVAILABLE: 10 times in a 10-minute soak (npm run soak, 24,000 requests), all on agreements.
 * With it, the agent closes an idle socket a second before the hint runs out, so the subgraph never closes
 * one the gateway may be reusing. (It also bounds a socket's silence during a request; the fetch's own
 * deadline, SUBGRAPH_TIMEOUT_MS, still decides when to give up.)
 */
const IDLE_SOCKET_TIMEOUT_MS = 60_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64, scheduling: 'lifo', timeout: IDLE_SOCKET_TIMEOUT_MS });

/** A subgraph's answer, read whole: its headers as node:http gives them (lower-case names). */
export interface RawResponse {
  url: string;
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * The subgraph could not be reached or did not answer in time: refused, reset, timed out. Carries the
 * cause for the log only; the data source turns it into a SUBGRAPH_UNAVAILABLE error for the client.
 */
export class SubgraphFetchError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown; abandoned?: boolean; tooLarge?: boolean },
  ) {
    super(`subgraph fetch failed: ${reason}`, options);
    this.name = 'SubgraphFetchError';
    this.abandoned = options?.abandoned ?? false;
    this.tooLarge = options?.tooLarge ?? false;
  }

  /** The gateway's own client went away: the fetch was ended on purpose, no one waits for it. */
  readonly abandoned: boolean;
  /** The subgraph's answer was over RESPONSE_MAX_BYTES (a subgraph configured above the gateway). */
  readonly tooLarge: boolean;
}

/** How a fetch may end early: its caller's signal, and the most bytes of answer it reads. */
interface FetchBounds {
  timeoutMs: number;
  signal?: AbortSignal;
  maxBytes?: number;
}

const RESET = new Set(['ECONNRESET', 'EPIPE']);

/** One attempt, ended at `deadline` (a retry gets what is left of the first's); the error names the whole timeout. */
function sendOnce(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string,
  bounds: FetchBounds,
  deadline: number,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const { timeoutMs, signal, maxBytes = Infinity } = bounds;
    if (signal?.aborted) return reject(new SubgraphFetchError('the client went away', { abandoned: true }));
    const end = (error?: SubgraphFetchError) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abandon);
      if (error) {
        reject(error);
        request.destroy();
      }
    };
    const request = http.request(
      url,
      { method, agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) end(new SubgraphFetchError(`answer over ${maxBytes} bytes`, { tooLarge: true }));
          else chunks.push(chunk);
        });
        response.on('error', (error: NodeJS.ErrnoException) => end(new SubgraphFetchError(error.code ?? error.message, { cause: error })));
        response.on('end', () => {
          end();
          resolve({
            url,
            status: response.statusCode ?? 500,
            statusText: response.statusMessage ?? '',
            headers: response.headers,
            body: chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    // A deadline for the whole exchange (a socket timeout would only bound the silences between chunks).
    // Either end closes the socket: the subgraph sees its client gone and stops the work (services/kit/answer-guard.ts).
    const timer = setTimeout(() => end(new SubgraphFetchError(`no answer within ${timeoutMs} ms`)), Math.max(1, deadline - Date.now()));
    const abandon = () => end(new SubgraphFetchError('the client went away', { abandoned: true }));
    signal?.addEventListener('abort', abandon, { once: true });
    request.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the subgraph closed (it restarted, or its keep-alive ran out) just as it was
      // reused: the request never reached a live process. Marked so that a query is sent again on a new socket.
      const stale = request.reusedSocket && RESET.has(error.code ?? '');
      end(Object.assign(new SubgraphFetchError(error.code ?? error.message, { cause: error }), { stale }));
    });
    request.end(body);
  });
}

/**
 * Sends; a query that met a stale kept-alive socket is sent again, within the same deadline (a mutation
 * never is: it may have run). Each stale socket is destroyed as it fails, so this ends at the latest on
 * a new connection once the pool of the dead process's sockets is empty.
 */
async function send(url: string, method: string, headers: Record<string, string>, body: string, bounds: FetchBounds): Promise<RawResponse> {
  const deadline = Date.now() + bounds.timeoutMs;
  for (;;) {
    try {
      return await sendOnce(url, method, headers, body, bounds, deadline);
    } catch (error) {
      if (!(error as { stale?: boolean }).stale || !isQuery(body)) throw error;
    }
  }
}

const isQuery = (body: string) => body.startsWith('{"query":"query') || body.startsWith('{"query":"{');

/** An identical fetch in flight, which later callers join; it ends early once every caller has gone. */
interface Shared {
  key: string;
  response: Promise<RawResponse>;
  stop: AbortController;
  waiting: number;
}

/** Fetches in flight that a later identical one joins, by dedupeKey. */
const inFlight = new Map<string, Shared>();

/**
 * Only an anonymous query is shared: its answer is the same for every caller. A signed-in viewer's
 * reads stay one fetch per client request, since a subgraph may record them (the shelter access log).
 * Mutations are never shared. The request id is left out of the key: the joined fetch carries the first one's.
 */
function dedupeKey(url: string, headers: Record<string, string>, body: string): string | null {
  if (!isQuery(body)) return null;
  let key = url;
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'authorization') return null;
    if (name !== 'x-request-id') key += `\n${name}:${value}`;
  }
  return `${key}\n\n${body}`;
}

/** Without a `timeout` in the request's init (the data sources pass SUBGRAPH_TIMEOUT_MS). */
const DEFAULT_TIMEOUT_MS = 10_000;

/** Waits for a shared fetch; a caller whose client goes away stops waiting, and the last one to go ends the fetch. */
function join(shared: Shared, signal: AbortSignal | undefined): Promise<RawResponse> {
  shared.waiting += 1;
  if (!signal) return shared.response;
  return new Promise((resolve, reject) => {
    const leave = () => {
      shared.waiting -= 1;
      if (shared.waiting === 0) {
        if (inFlight.get(shared.key) === shared) inFlight.delete(shared.key);
        shared.stop.abort();
      }
      reject(new SubgraphFetchError('the client went away', { abandoned: true }));
    };
    if (signal.aborted) return leave();
    signal.addEventListener('abort', leave, { once: true });
    shared.response.then(
      (raw) => {
        signal.removeEventListener('abort', leave);
        resolve(raw);
      },
      (error: Error) => {
        signal.removeEventListener('abort', leave);
        reject(error);
      },
    );
  });
}

/** One fetch: the request, how long it may take, the most bytes of answer read, and its client request's signal. */
export interface SubgraphRequest {
  method?: string;
  headers: Record<string, string>;
  body: string;
  /** Without one, DEFAULT_TIMEOUT_MS (the data sources pass SUBGRAPH_TIMEOUT_MS). */
  timeoutMs?: number;
  maxBytes?: number;
  /** The client request the fetch is made for: the fetch ends when it goes away. */
  signal?: AbortSignal;
}

/**
 * Sends a request to a subgraph and reads its answer whole. Rejects with a SubgraphFetchError when the
 * subgraph cannot be reached or does not answer in time, when the client request it is made for goes
 * away, or when the answer is over `maxBytes`.
 */
export async function fetchSubgraph(url: string, request: SubgraphRequest): Promise<RawResponse> {
  const { headers, body, signal } = request;
  const method = request.method ?? 'POST';
  const bounds: FetchBounds = { timeoutMs: request.timeoutMs || DEFAULT_TIMEOUT_MS, maxBytes: request.maxBytes };
  const key = dedupeKey(url, headers, body);
  if (key === null) return send(url, method, headers, body, { ...bounds, signal });
  let shared = inFlight.get(key);
  if (!shared) {
    const stop = new AbortController();
    const response = send(url, method, headers, body, { ...bounds, signal: stop.signal });
    const started: Shared = { key, response, stop, waiting: 0 };
    inFlight.set(key, started);
    const forget = () => {
      if (inFlight.get(key) === started) inFlight.delete(key);
    };
    response.then(forget, forget);
    shared = started;
  }
  return join(shared, signal);
}

/** fetchSubgraph as a fetch function (node-fetch's Response), for the callers that read an answer like one. */
export const subgraphFetch: Fetcher = async (url, init) => {
  const given = init as { timeout?: number; maxBytes?: number } | undefined;
  const raw = await fetchSubgraph(url, {
    method: init?.method,
    headers: init?.headers ?? {},
    body: typeof init?.body === 'string' ? init.body : '',
    timeoutMs: given?.timeout,
    maxBytes: given?.maxBytes,
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  return new Response(raw.body, { url: raw.url, status: raw.status, statusText: raw.statusText, headers });
};

/** Fetches now being shared (tests read it). */
export const inFlightFetches = (): number => inFlight.size;
