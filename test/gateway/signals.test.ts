import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { SUBGRAPHS } from '../../services/common/config';
import type { Config } from '../../services/common/config';
import { cleanUp, testConfig, TEST_JWT_SECRET } from '../helpers/config';
import { startGraph, TestGraph } from '../helpers/graph';
import { holdRequest, refused } from '../helpers/held-request';

const ROOT = path.join(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Child {
  process: ChildProcess;
  url: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/** Runs one of the project's main.ts as its own process, as the supervisor or a container would; resolves once /ready says 200. */
async function run(main: string, env: Record<string, string>, portVariable: string): Promise<Child> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'test/helpers/ts-register.js'), path.join(ROOT, main)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'info', [portVariable]: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${main} exited early:\n${output}`);
    const ready = await fetch(url.replace('/graphql', '/ready')).then((r) => r.status === 200, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${main} not ready within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { process: child, url, exit, output: () => output };
}

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
    const env: Record<string, string> = { DATA_DIR: store.dataDir, DATABASE_PREFIX: store.databasePrefix };
    if (store.databaseUrl) env.DATABASE_URL = store.databaseUrl;
    const subgraph = await run('services/authorities/main.ts', env, 'AUTHORITIES_PORT');
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
    const gateway = await run('gateway/main.ts', { ...urls, GATEWAY_WORKERS: '1' }, 'GATEWAY_PORT');
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
