import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inFlightFetches, subgraphFetch } from '../../gateway/subgraph-fetch';

/** A stand-in subgraph that answers after a delay and counts what reaches it. */
function slowSubgraph() {
  const received: { body: string; requestId: string | undefined }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ body, requestId: req.headers['x-request-id'] as string | undefined });
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json', 'x-sql-statements': '2' });
        res.end(JSON.stringify({ data: { n: received.length, items: [{ name: 'a' }] } }));
      }, 50);
    });
  });
  return { server, received };
}

describe('the gateway fetching from its subgraphs', () => {
  const subgraph = slowSubgraph();
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => subgraph.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(subgraph.server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => subgraph.server.close(() => resolve())));
  beforeEach(() => (subgraph.received.length = 0));

  const post = (body: object, headers: Record<string, string> = {}) =>
    subgraphFetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const query = { query: 'query Q__organizations__0{organizations{name}}', variables: {} };

  it('sends identical anonymous queries in flight at the same time once, and gives each caller its own answer', async () => {
    const responses = await Promise.all([1, 2, 3, 4, 5].map((i) => post(query, { 'x-request-id': `r${i}` })));
    expect(subgraph.received).toHaveLength(1);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(bodies.every((body) => JSON.stringify(body) === JSON.stringify(bodies[0]))).toBe(true);
    bodies[0].data.items[0].name = 'changed';
    expect(bodies[1].data.items[0].name).toBe('a');
    expect(responses[4].headers.get('x-sql-statements')).toBe('2');
    expect(inFlightFetches()).toBe(0);
  });

  it('sends a query again once the first answer is in', async () => {
    await (await post(query)).json();
    await (await post(query)).json();
    expect(subgraph.received).toHaveLength(2);
  });

  it('sends every signed-in query, since a subgraph may log each read', async () => {
    await Promise.all([1, 2, 3].map(() => post(query, { authorization: 'Bearer same-token' })));
    expect(subgraph.received).toHaveLength(3);
  });

  it('sends every mutation', async () => {
    await Promise.all([1, 2, 3].map(() => post({ query: 'mutation M__organizations__0{registerOrganization{id}}', variables: {} })));
    expect(subgraph.received).toHaveLength(3);
  });

  it('sends queries that differ in their variables separately', async () => {
    await Promise.all([1, 2].map((i) => post({ ...query, variables: { i } })));
    expect(subgraph.received).toHaveLength(2);
  });
});

describe('the gateway keeping connections to a subgraph alive', () => {
  it('closes an idle connection itself before the subgraph would, so a mutation never meets one being closed', async () => {
    // Node's server defaults, as every subgraph runs: keepAliveTimeout 5 s, announced as `Keep-Alive: timeout=5`.
    const events: { at: number; who: 'gateway' | 'subgraph' }[] = [];
    const server = http.createServer((req, res) => req.resume().on('end', () => res.end('{"data":{}}')));
    server.on('connection', (socket) => {
      socket.on('end', () => events.push({ at: Date.now(), who: 'gateway' })); // the gateway's FIN
      socket.on('close', () => events.push({ at: Date.now(), who: 'subgraph' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const body = JSON.stringify({ query: 'mutation M__agreements__0{createAgreement{id}}' });
      await (await subgraphFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
      const answered = Date.now();
      while (events.length === 0 && Date.now() - answered < 7000) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events[0]?.who).toBe('gateway');
      expect(events[0].at - answered).toBeLessThan(server.keepAliveTimeout);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
