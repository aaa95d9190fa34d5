import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubgraphFetchError, subgraphFetch } from '../../gateway/subgraph-fetch';

/**
 * A stand-in subgraph whose process "restarts" between two requests: it answers the first request of
 * each connection and drops the connection when a second request arrives on it, as a dead process's
 * kept-alive socket would.
 */
function restartingSubgraph() {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const socket = req.socket as typeof req.socket & { served?: boolean };
      if (socket.served) return void socket.destroy();
      socket.served = true;
      received.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { ok: true } }));
    });
  });
  return { server, received };
}

describe('the gateway fetching from a subgraph that fails', () => {
  const subgraph = restartingSubgraph();
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => subgraph.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(subgraph.server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => subgraph.server.close(() => resolve())));
  beforeEach(() => (subgraph.received.length = 0));

  const post = (query: string, init: { timeout?: number } = {}, target = url) =>
    subgraphFetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      ...init,
    });

  it('sends a query again on a new connection when its kept-alive one turns out dead', async () => {
    expect((await post('query A{a}')).status).toBe(200);
    const second = await post('query B{b}');
    expect(second.status).toBe(200);
    expect(subgraph.received).toHaveLength(2);
  });

  it('does not send a mutation twice: it fails as unreachable instead', async () => {
    expect((await post('query A{a}')).status).toBe(200);
    await expect(post('mutation M{m}')).rejects.toBeInstanceOf(SubgraphFetchError);
    expect(subgraph.received).toEqual([JSON.stringify({ query: 'query A{a}' })]);
  });

  it('fails as unreachable when nothing listens on the port', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(post('query A{a}', {}, `http://127.0.0.1:${port}/graphql`)).rejects.toMatchObject({ reason: 'ECONNREFUSED' });
  });

  it('gives up after the timeout on a subgraph that does not answer', async () => {
    const hung = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      await expect(
        post('query A{a}', { timeout: 200 }, `http://127.0.0.1:${(hung.address() as AddressInfo).port}/graphql`),
      ).rejects.toMatchObject({
        reason: 'no answer within 200 ms',
      });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      hung.closeAllConnections();
      await new Promise<void>((resolve) => hung.close(() => resolve()));
    }
  });
});
