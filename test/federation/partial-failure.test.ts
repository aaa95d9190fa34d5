import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RunningGateway, startGateway } from '../../gateway/gateway';
import { SUBGRAPHS } from '../../services/platform/config';
import { startSubgraph } from '../../services/kit/subgraph';
import { SUBGRAPH_DEFINITIONS } from '../../services/subgraphs';
import { startGraph, TestGraph } from '../helpers/graph';
import { runMain } from '../helpers/process';

/** Fields of three subgraphs: the country and its authorities (authorities), a practice (practices), guidelines (workplan). */
const QUERY = `query ($practice: ID!) {
  country(code: "GT") { name authorities { name } }
  practice(id: $practice) { id title }
  guidelines(section: PROTECTION) { number }
}`;

describe('the graph with one subgraph down', () => {
  let graph: TestGraph;
  let practiceId: string;
  beforeAll(async () => {
    graph = await startGraph();
    const { body } = await graph.query('{ practices(first: 1) { nodes { id } } }');
    practiceId = body.data.practices.nodes[0].id;
  });
  afterAll(() => graph.stop());

  it('answers the fields of the other subgraphs, and nulls those of the missing one with SUBGRAPH_UNAVAILABLE', async () => {
    const port = graph.subgraphs.practices.port;
    await graph.subgraphs.practices.stop();

    const { status, body, raw } = await graph.query(QUERY, { practice: practiceId });
    expect(status).toBe(200);
    expect(body.data.country.name).toBe('Guatemala');
    expect(body.data.country.authorities.length).toBeGreaterThan(0);
    expect(body.data.guidelines.length).toBeGreaterThan(0);
    expect(body.data.practice).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'practices' } })]);
    expect(raw).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|localhost|\bat /);

    // The supervisor's restart: a new process on the same port. The gateway is not restarted.
    graph.subgraphs.practices = await startSubgraph(SUBGRAPH_DEFINITIONS.practices, graph.config, port);
    const again = await graph.query(QUERY, { practice: practiceId });
    expect(again.status).toBe(200);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.practice.id).toBe(practiceId);
  });

  it("nulls only the field the missing subgraph serves on another subgraph's entity, not its parent", async () => {
    const port = graph.subgraphs.practices.port;
    await graph.subgraphs.practices.stop();
    try {
      const { status, body } = await graph.query(
        '{ country(code: "GT") { name practices { title } } guidelines(section: PROTECTION) { number } }',
      );
      expect(status).toBe(200);
      expect(body.data.country).toEqual({ name: 'Guatemala', practices: null });
      expect(body.data.guidelines.length).toBeGreaterThan(0);
      expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'practices' } })]);
    } finally {
      graph.subgraphs.practices = await startSubgraph(SUBGRAPH_DEFINITIONS.practices, graph.config, port);
    }
    const { body } = await graph.query('{ country(code: "GT") { name practices { title } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.country.practices.length).toBeGreaterThan(0);
  });
});

describe('the graph with one subgraph hung or overloaded', () => {
  let graph: TestGraph;
  let gateway: RunningGateway;
  let practices: http.Server;
  const hangs: http.ServerResponse[] = [];
  let mode: 'hang' | '503' = 'hang';
  beforeAll(async () => {
    graph = await startGraph();
    // A stand-in for the practices subgraph that never answers, or answers 503 like a proxy in front of it would.
    practices = http.createServer((req, res) => {
      if (mode === 'hang') return void hangs.push(res);
      res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream connect error 10.0.0.7:4004');
    });
    await new Promise<void>((resolve) => practices.listen(0, '127.0.0.1', resolve));
    const urls = Object.fromEntries(SUBGRAPHS.map((name) => [name, graph.subgraphs[name].url]));
    urls.practices = `http://127.0.0.1:${(practices.address() as AddressInfo).port}/graphql`;
    gateway = await startGateway({ ...graph.config, subgraphTimeoutMs: 300 }, { port: 0, subgraphUrls: urls });
  });
  afterAll(async () => {
    await gateway.stop();
    hangs.forEach((res) => res.destroy());
    await new Promise<void>((resolve) => practices.close(() => resolve()));
    await graph.stop();
  });

  const query = async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ country(code: "GT") { name } practices(first: 1) { totalCount } }' }),
    });
    return { status: response.status, raw: await response.text() };
  };

  it('gives up on a subgraph that does not answer within SUBGRAPH_TIMEOUT_MS', async () => {
    mode = 'hang';
    const started = Date.now();
    const { status, raw } = await query();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(status).toBe(200);
    expect(JSON.parse(raw).errors).toEqual([
      expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'practices' } }),
    ]);
    expect(hangs.length).toBe(1);
  });

  it('reports a 503 from the subgraph as SUBGRAPH_UNAVAILABLE, without its body', async () => {
    mode = '503';
    const { status, raw } = await query();
    expect(status).toBe(200);
    expect(JSON.parse(raw).errors).toEqual([
      expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'practices' } }),
    ]);
    expect(raw).not.toMatch(/10\.0\.0\.7|upstream|127\.0\.0\.1/);
  });
});

describe('the graph when a subgraph process is killed and its supervisor starts it again', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('answers without it while it is dead, and in full again as soon as the new process is up', async () => {
    // The practices subgraph as a process of its own, on the port and store the gateway already knows.
    const port = graph.subgraphs.practices.port;
    await graph.subgraphs.practices.stop();
    const { config } = graph;
    const env: Record<string, string> = { DATA_DIR: config.dataDir, DATABASE_PREFIX: config.databasePrefix };
    if (config.databaseUrl) env.DATABASE_URL = config.databaseUrl;
    env.ORGANIZATIONS_URL = graph.subgraphs.organizations.url;
    const first = await runMain('services/practices/main.ts', env, 'PRACTICES_PORT', port);
    const { body: listed } = await graph.query('{ practices(first: 1) { nodes { id } } }');
    const variables = { practice: listed.data.practices.nodes[0].id };
    // practice(id) is nullable: without its subgraph it is null and the rest of the answer stays.
    const query = 'query ($practice: ID!) { country(code: "GT") { name authorities { name } } practice(id: $practice) { title } }';

    first.process.kill('SIGKILL');
    expect(await first.exit).toEqual({ code: null, signal: 'SIGKILL' });
    const { status, body } = await graph.query(query, variables);
    expect(status).toBe(200);
    expect(body.data.country.authorities.length).toBeGreaterThan(0);
    expect(body.data.practice).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'practices' } })]);

    const second = await runMain('services/practices/main.ts', env, 'PRACTICES_PORT', port);
    try {
      const again = await graph.query(query, variables);
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data.practice.title).toEqual(expect.any(String));
    } finally {
      second.process.kill('SIGTERM');
      await second.exit;
    }
  }, 120_000);
});
