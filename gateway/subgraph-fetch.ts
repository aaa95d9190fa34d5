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
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64, scheduling: 'lifo' });

interface RawResponse {
  url: string;
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
}

function send(url: string, method: string, headers: Record<string, string>, body: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
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
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Fetches in flight that a later identical one joins, by dedupeKey. */
const inFlight = new Map<string, Promise<RawResponse>>();

/**
 * Only an anonymous query is shared: its answer is the same for every caller. A signed-in viewer's
 * reads stay one fetch per client request, since a subgraph may record them (the shelter access log).
 * Mutations are never shared. The request id is left out of the key: the joined fetch carries the first one's.
 */
function dedupeKey(url: string, headers: Record<string, string>, body: string): string | null {
  if (!body.startsWith('{"query":"query') && !body.startsWith('{"query":"{')) return null;
  let key = url;
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'authorization') return null;
    if (name !== 'x-request-id') key += `\n${name}:${value}`;
  }
  return `${key}\n\n${body}`;
}

/** The fetcher of the subgraph data sources: each caller gets its own Response (its own parsed body). */
export const subgraphFetch: Fetcher = async (url, init) => {
  const headers = (init?.headers ?? {}) as Record<string, string>;
  const body = typeof init?.body === 'string' ? init.body : '';
  const key = dedupeKey(url, headers, body);
  let pending = key === null ? undefined : inFlight.get(key);
  if (!pending) {
    pending = send(url, init?.method ?? 'POST', headers, body);
    if (key !== null) {
      inFlight.set(key, pending);
      const forget = () => inFlight.delete(key);
      pending.then(forget, forget);
    }
  }
  const raw = await pending;
  return new Response(raw.body, { url: raw.url, status: raw.status, statusText: raw.statusText, headers: raw.headers }) as never;
};

/** Fetches now being shared (tests read it). */
export const inFlightFetches = (): number => inFlight.size;
