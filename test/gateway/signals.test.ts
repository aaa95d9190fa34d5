import { SUBGRAPHS, type Config } from '../../services/platform/config';
import { cleanUp, testConfig } from '../helpers/config';
import { startGraph, TestGraph } from '../helpers/graph';
import { holdRequest, refused } from '../helpers/held-request';
import { runMain } from '../helpers/process';

/**
 * As deployed: Apollo Server installs signal handlers of its own outside NODE_ENV=test, and those once
 * left a MySQL subgraph hanging after SIGTERM (see subgraph.ts), which a test environment never showed.
 */
const PRODUCTION = { NODE_ENV: 'production' };

describe('SIGTERM to a real process with a slow request in flight', () => {
  let graph: TestGraph;
  let store: Config;
  beforeAll(async () => {
    graph = await startGraph();
    store = await testConfig();
  });
  afterAll(async () => {
    await graph.stop();
    await cleanUp(store);
  });

  const stopsAccepting = async (url: string) => {
    for (let i = 0; i < 100 && !(await refused(url)); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    return refused(url);
  };

  it('a subgraph stops accepting, answers the request, closes its database and exits with 0', async () => {
    // A store of its own: the test graph's belongs to its in-process subgraphs.
    const env: Record<string, string> = { ...PRODUCTION, DATA_DIR: store.dataDir, DATABASE_PREFIX: store.databasePrefix };
    if (store.databaseUrl) env.DATABASE_URL = store.databaseUrl;
    const subgraph = await runMain('services/authorities/main.ts', env, 'AUTHORITIES_PORT');
    const held = await holdRequest(subgraph.url, '{ countries { code name } }');
    subgraph.process.kill('SIGTERM');
    expect(await stopsAccepting(subgraph.url)).toBe(true);

    const answer = await held.finish();
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.countries).toHaveLength(35);
    expect(await subgraph.exit).toEqual({ code: 0, signal: null });
    expect(subgraph.output()).toMatch(/"signal":"SIGTERM".*draining/);
  }, 90_000);

  it('the gateway does the same, its subgraphs still up', async () => {
    const urls = Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, graph.subgraphs[name].url]));
    const gateway = await runMain('gateway/main.ts', { ...PRODUCTION, ...urls, GATEWAY_WORKERS: '1' }, 'GATEWAY_PORT');
    const held = await holdRequest(gateway.url, '{ country(code: "GT") { name authorities { name } practices { title } } }');
    gateway.process.kill('SIGTERM');
    expect(await stopsAccepting(gateway.url)).toBe(true);

    const answer = await held.finish();
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.country.name).toBe('Guatemala');
    expect(answer.body.data.country.practices.length).toBeGreaterThan(0);
    expect(await gateway.exit).toEqual({ code: 0, signal: null });
  }, 90_000);
});
