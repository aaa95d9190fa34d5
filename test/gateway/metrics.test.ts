import cluster from 'node:cluster';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSubgraph } from '../../services/kit/subgraph';
import { MAX_OPERATION_NAMES, METRICS_REQUEST, METRICS_RESPONSE, serveClusterMetrics } from '../../services/platform/metrics';
import { SUBGRAPH_DEFINITIONS } from '../../services/subgraphs';
import { startGraph, TestGraph } from '../helpers/graph';

async function scrape(url: string): Promise<{ contentType: string | null; text: string }> {
  const response = await fetch(url.replace(/\/graphql$/, '/metrics'));
  expect(response.status).toBe(200);
  return { contentType: response.headers.get('content-type'), text: await response.text() };
}

/** The value of one series, e.g. value(text, 'enlace_graphql_requests_total', { operation: 'X' }); 0 when absent. */
function value(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const series = line.slice(name.length + 1, line.lastIndexOf('}'));
    const found = Object.fromEntries([...series.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, wanted]) => found[key] === wanted)) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('GET /metrics (Prometheus text)', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('counts and times each operation by name at the gateway, with its subgraph fetches', async () => {
    for (let i = 0; i < 2; i += 1) {
      const { body } = await graph.query('query CountryDirectory { country(code: "GT") { name authorities { name } } }');
      expect(body.errors).toBeUndefined();
    }
    await graph.query('{ countries { code } }');

    const { contentType, text } = await scrape(graph.url);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(value(text, 'enlace_graphql_requests_total', { service: 'gateway', operation: 'CountryDirectory' })).toBe(2);
    expect(value(text, 'enlace_graphql_requests_total', { service: 'gateway', operation: 'anonymous' })).toBe(1);
    expect(value(text, 'enlace_graphql_request_duration_seconds_count', { operation: 'CountryDirectory' })).toBe(2);
    expect(value(text, 'enlace_graphql_request_duration_seconds_bucket', { operation: 'CountryDirectory', le: '+Inf' })).toBe(2);
    // The query plan: the country from authorities... each request fetches from that subgraph.
    expect(value(text, 'enlace_subgraph_fetch_duration_seconds_count', { subgraph: 'authorities', outcome: 'ok' })).toBeGreaterThanOrEqual(
      2,
    );
    expect(value(text, 'enlace_http_responses_total', { route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/^process_resident_memory_bytes [1-9]\d*$/m);
  });

  it('counts errors by the code the client saw, and requests refused before GraphQL by status', async () => {
    await graph.query('query Broken { country(code: "GT") { name ');
    await graph.query('query NoSuchField { country(code: "GT") { flag } }');
    await graph.query('query BadLanguage { services(filter: { language: "xx1" }) { totalCount } }');
    await fetch(graph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1024 * 1024 + 1) });

    const { text } = await scrape(graph.url);
    expect(value(text, 'enlace_graphql_errors_total', { service: 'gateway', operation: 'unresolved', code: 'GRAPHQL_PARSE_FAILED' })).toBe(
      1,
    );
    expect(value(text, 'enlace_graphql_errors_total', { operation: 'unresolved', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(value(text, 'enlace_graphql_errors_total', { operation: 'BadLanguage', code: 'BAD_USER_INPUT' })).toBe(1);
    expect(value(text, 'enlace_http_responses_total', { route: '/graphql', status: '413' })).toBe(1);
  });

  it('is served by every subgraph, for the operations the gateway sent it', async () => {
    const { text } = await scrape(graph.subgraphs.authorities.url);
    expect(text).toMatch(/^enlace_graphql_requests_total\{operation="[^"]+",service="authorities"\} [1-9]/m);
    expect(text).toMatch(/^process_cpu_seconds_total/m);
  });

  it('gives at most MAX_OPERATION_NAMES operation names a series of their own', async () => {
    for (let i = 0; i < MAX_OPERATION_NAMES + 5; i += 1) await graph.query(`query Invented${i} { __typename }`);
    const { text } = await scrape(graph.url);
    const names = new Set([...text.matchAll(/^enlace_graphql_requests_total\{operation="([^"]*)",service="gateway"\}/gm)].map((m) => m[1]));
    expect(names.size).toBe(MAX_OPERATION_NAMES + 3); // + anonymous, unresolved, other
    expect(value(text, 'enlace_graphql_requests_total', { service: 'gateway', operation: 'other' })).toBeGreaterThanOrEqual(5);
  });

  it('times a fetch to a subgraph that is down as unavailable', async () => {
    const port = graph.subgraphs.practices.port;
    await graph.subgraphs.practices.stop();
    try {
      await graph.query('{ practices(first: 1) { nodes { id } } }');
      const { text } = await scrape(graph.url);
      expect(value(text, 'enlace_subgraph_fetch_duration_seconds_count', { subgraph: 'practices', outcome: 'unavailable' })).toBe(1);
    } finally {
      graph.subgraphs.practices = await startSubgraph(SUBGRAPH_DEFINITIONS.practices, graph.config, port);
    }
  });

  it('is off with METRICS=false', async () => {
    const quiet = await startGraph({ METRICS: 'false' });
    try {
      expect((await fetch(quiet.url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
    } finally {
      await quiet.stop();
    }
  });
});

/**
 * A worker standing in for a gateway worker: registers a counter with prom-client's cluster registries and,
 * asked over HTTP, asks the primary for the cluster's metrics with the protocol of services/platform/metrics.ts.
 */
const WORKER = (promClient: string) => `
const http = require('http');
const { AggregatorRegistry, Counter, Registry } = require(${JSON.stringify(promClient)});
const registry = new Registry();
const served = new Counter({ name: 'served_total', help: 'served', registers: [registry] });
new AggregatorRegistry();
AggregatorRegistry.setRegistries([registry]);
const server = http.createServer((req, res) => {
  served.inc();
  const id = Math.random();
  const onMessage = (message) => {
    if (message.type !== ${JSON.stringify(METRICS_RESPONSE)} || message.id !== id) return;
    process.off('message', onMessage);
    res.end(message.text);
  };
  process.on('message', onMessage);
  process.send({ type: ${JSON.stringify(METRICS_REQUEST)}, id });
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
`;

describe('GET /metrics of a gateway cluster', () => {
  it('answers, from whichever worker is scraped, the sum over all workers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-metrics-'));
    fs.writeFileSync(path.join(dir, 'worker.js'), WORKER(require.resolve('prom-client')));
    cluster.setupPrimary({ exec: path.join(dir, 'worker.js') });
    const stopServing = serveClusterMetrics();
    const ports: number[] = [];
    const workers = [cluster.fork(), cluster.fork()];
    try {
      await new Promise<void>((resolve) =>
        workers.forEach((worker) =>
          worker.on('message', (message: { port?: number }) => message.port && ports.push(message.port) === 2 && resolve()),
        ),
      );
      // Each worker listens on its own port here (cluster shares only a port given up front): one scrape each.
      const first = await (await fetch(`http://127.0.0.1:${ports[0]}/`)).text();
      expect(first).toMatch(/^served_total 1$/m);
      const second = await (await fetch(`http://127.0.0.1:${ports[1]}/`)).text();
      expect(second).toMatch(/^served_total 2$/m);
    } finally {
      await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve).process.kill('SIGTERM'))));
      stopServing();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
