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

interface RawResponse {
  url: string;
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
}

/**
 * The subgraph could not be reached or did not answer in time: refused, reset, timed out. Carries the
 * cause for the log only; the data source turns it into a SUBGRAPH_UNAVAILABLE error for the client.
 */
export class SubgraphFetchError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`subgraph fetch failed: ${reason}`, options);
    this.name = 'SubgraphFetchError';
  }
}

const RESET = new Set(['ECONNRESET', 'EPIPE']);

function sendOnce(url: string, method: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method, agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          reject(new SubgraphFetchError(error.code ?? error.message, { cause: error }));
        });
        response.on('end', () => {
          clearTimeout(timer);
          const responseHeaders = new Headers();
          const raw = response.rawHeaders;
          for (let i = 0; i < raw.length; i += 2) responseHeaders.append(raw[i], raw[i + 1]);
          resolve({
            url,
            status: response.statusCode ?? 500,
            statusText: response.statusMessage ?? '',
            headers: responseHeaders,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    // A deadline for the whole exchange (a socket timeout would only bound the silences between chunks).
    const timer = setTimeout(() => {
      reject(new SubgraphFetchError(`no answer within ${timeoutMs} ms`));
      request.destroy();
    }, timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // A kept-alive socket the subgraph closed (it restarted, or its keep-alive ran out) just as it was
      // reused: the request never reached a live process. Marked so that a query is sent again on a new socket.
      const stale = request.reusedSocket && RESET.has(error.code ?? '');
      reject(Object.assign(new SubgraphFetchError(error.code ?? error.message, { cause: error }), { stale }));
    });
    request.end(body);
  });
}

/**
 * Sends; a query that met a stale kept-alive socket is sent again, within the same deadline (a mutation
 * never is: it may have run). Each stale socket is destroyed as it fails, so this ends at the latest on
 * a new connection once the pool of the dead process's sockets is empty.
 */
async function send(url: string, method: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<RawResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await sendOnce(url, method, headers, body, Math.max(1, deadline - Date.now()));
    } catch (error) {
      if (!(error as { stale?: boolean }).stale || !isQuery(body)) throw error;
    }
  }
}

const isQuery = (body: string) => body.startsWith('{"query":"query') || body.startsWith('{"query":"{');

/** Fetches in flight that a later identical one joins, by dedupeKey. */
const inFlight = new Map<string, Promise<RawResponse>>();

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

/**
 * The fetcher of the subgraph data sources: each caller gets its own Response (its own parsed body).
 * Rejects with a SubgraphFetchError when the subgraph cannot be reached or does not answer in time.
 */
export const subgraphFetch: Fetcher = async (url, init) => {
  const headers = init?.headers ?? {};
  const body = typeof init?.body === 'string' ? init.body : '';
  const key = dedupeKey(url, headers, body);
  let pending = key === null ? undefined : inFlight.get(key);
  if (!pending) {
    pending = send(url, init?.method ?? 'POST', headers, body, (init as { timeout?: number } | undefined)?.timeout || DEFAULT_TIMEOUT_MS);
    if (key !== null) {
      inFlight.set(key, pending);
      const forget = () => inFlight.delete(key);
      pending.then(forget, forget);
    }
  }
  const raw = await pending;
  return new Response(raw.body, { url: raw.url, status: raw.status, statusText: raw.statusText, headers: raw.headers });
};

/** Fetches now being shared (tests read it). */
export const inFlightFetches = (): number => inFlight.size;
