import { BENCH_KEY_ENV, benchEnv } from '../../scripts/bench/processes';
import { loadConfig, SUBGRAPHS } from '../../services/platform/config';

// npm run bench, bench:peers and soak seed with this environment, then start the graph's processes with it.
describe("a benchmark's environment", () => {
  it('seeds and starts a production graph with the benchmark keys, on its store, with the demo data, the subgraphs after the base port', () => {
    const env = benchEnv({ dataDir: '/tmp/enlace-bench-x', basePort: 14200 });
    expect(env).toMatchObject({ ...BENCH_KEY_ENV, NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_DEMO: 'true' });
    const config = loadConfig(env);
    expect(config).toMatchObject({ production: true, dataDir: '/tmp/enlace-bench-x', databaseUrl: undefined, seedDemo: true });
    SUBGRAPHS.forEach((name, i) => expect(config.subgraphUrls[name]).toBe(`http://127.0.0.1:${14201 + i}/graphql`));
  });

  it("puts the subgraphs' databases on MySQL under the benchmark's prefix, and the benchmark's own settings last", () => {
    const env = benchEnv({
      dataDir: '/tmp/enlace-bench-x',
      basePort: 14300,
      mysql: { url: 'mysql://root@127.0.0.1:3306', prefix: 'enlace_soak_' },
      extra: { QUERY_MAX_COST: '999', GATEWAY_WORKERS: '1', LOG_LEVEL: 'error' },
    });
    const config = loadConfig(env);
    expect(config).toMatchObject({
      databaseUrl: 'mysql://root@127.0.0.1:3306',
      databasePrefix: 'enlace_soak_',
      gatewayWorkers: 1,
      logLevel: 'error',
    });
    expect(config.edge.maxCost).toBe(999);
  });
});
