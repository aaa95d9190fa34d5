import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../services/platform/config';
import { spawnNode, stopProcess, waitForUrl } from '../services/platform/launcher';
import { benchEnv, percentile, startGraphProcesses } from './bench/processes';
import { seedBenchDataset } from './bench/dataset';
import { treeCpuMs } from './bench/proc';
import { S1_MAX_COST, S1_QUERY, S4_QUERY, s5Query, S7_QUERY } from './bench/queries';
import { parseOptions, text, wholeNumber } from './options';

/**
 * Enlace's gateway beside Hive Gateway and a stock @apollo/gateway in @apollo/server (scripts/bench/stock-apollo.ts),
 * on the same six subgraphs and data, in one sitting:
 * `npm run bench:peers -- --hive DIR [--rounds 3] [--duration 8] [--connections 8]`.
 * Hive Gateway is not one of our dependencies (its install is 511 MB): install it apart,
 * `npm install --prefix DIR @graphql-hive/gateway@2.15`, and name DIR. It reads the committed supergraph
 * with the subgraphs' URLs changed to the benchmark's. Each gateway runs as one process with
 * NODE_ENV=production, anonymous requests, rounds rotate which gateway goes first; the table gives the
 * medians and Enlace's ops/s over each peer's. S7c is S7 on a second Enlace gateway with RESPONSE_CACHE=true.
 */
const OPTIONS = parseOptions(
  { command: 'npm run bench:peers --' },
  {
    hive: text('the directory Hive Gateway is installed in (npm install --prefix DIR @graphql-hive/gateway@2.15)', 'DIR'),
    rounds: wholeNumber('rounds; each runs every scenario on each gateway', 3, 1),
    duration: wholeNumber('seconds of measured load per scenario and gateway, after 3 s of warm-up', 8, 1),
    connections: wholeNumber('concurrent clients', 8, 1),
  },
);
const BASE_PORT = 14300;
const PEERS = ['Enlace', 'Hive', 'Apollo'] as const;
type Peer = (typeof PEERS)[number];
const JSON_HEADERS = { 'content-type': 'application/json' };

type Requests = NonNullable<Parameters<typeof autocannon>[0]['requests']>;

interface Sample {
  rps: number;
  gatewayCpu: number;
  subgraphCpu: number;
  errors: number;
}

function scenarios(): Record<string, () => Requests> {
  let next = 0;
  const fixed = (query: string) => () => [{ method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query }) }];
  return {
    'S1 deep query': fixed(S1_QUERY),
    'S4 tiny query': fixed(S4_QUERY),
    'S5 a new operation every request': () => [
      {
        method: 'POST',
        headers: JSON_HEADERS,
        setupRequest: (request: object) => ({ ...request, body: JSON.stringify({ query: s5Query((next += 1)) }) }),
      },
    ],
    'S7 public directory page': fixed(S7_QUERY),
  };
}

async function load(url: string, requests: Requests, seconds: number): Promise<{ ops: number; errors: number }> {
  let graphqlErrors = 0;
  const counted = requests.map((request) => ({
    ...request,
    onResponse: (status: number, body: string) => {
      if (status === 200 && body.includes('"errors":[')) graphqlErrors += 1;
    },
  }));
  const result = await autocannon({ url, connections: OPTIONS.connections, duration: seconds, requests: counted, timeout: 30 });
  return { ops: result.requests.total, errors: result.errors + result.timeouts + result.non2xx + graphqlErrors };
}

async function measure(url: string, requests: () => Requests, gatewayPid: number, subgraphPids: number[]): Promise<Sample> {
  await load(url, requests(), 3);
  const cpu = () => ({ gateway: treeCpuMs(gatewayPid), subgraphs: subgraphPids.reduce((sum, pid) => sum + treeCpuMs(pid), 0) });
  const before = cpu();
  const { ops, errors } = await load(url, requests(), OPTIONS.duration);
  const after = cpu();
  const per = Math.max(ops, 1);
  return {
    rps: ops / OPTIONS.duration,
    gatewayCpu: (after.gateway - before.gateway) / per,
    subgraphCpu: (after.subgraphs - before.subgraphs) / per,
    errors,
  };
}

/** Waits until the gateway answers a query (Hive Gateway has no /health route of ours). */
async function answers(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query: S4_QUERY }) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

async function main(): Promise<void> {
  const hiveBin = OPTIONS.hive ? path.resolve(OPTIONS.hive, 'node_modules', '.bin', 'hive-gateway') : undefined;
  if (!hiveBin || !fs.existsSync(hiveBin)) {
    console.error('Give --hive DIR, a directory where `npm install --prefix DIR @graphql-hive/gateway@2.15` has run.');
    process.exit(2);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-bench-peers-'));
  const env = benchEnv({ dataDir, basePort: BASE_PORT, extra: { QUERY_MAX_COST: String(S1_MAX_COST), GATEWAY_WORKERS: '1' } });
  await seedBenchDataset(loadConfig(env), 1);
  const graph = await startGraphProcesses({ basePort: BASE_PORT, env });
  const children: ChildProcess[] = [];
  try {
    let supergraph = fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
    for (const [name, url] of Object.entries(graph.subgraphUrls)) {
      supergraph = supergraph.replace(new RegExp(`(name: "${name}", url: ")[^"]+`), `$1${url}`);
    }
    const supergraphFile = path.join(dataDir, 'supergraph.graphql');
    fs.writeFileSync(supergraphFile, supergraph);
    const hivePort = BASE_PORT + 50;
    const hive = spawn(hiveBin, ['supergraph', supergraphFile, '--port', String(hivePort)], {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(hive);
    const cachedPort = BASE_PORT + 51;
    const cached = spawnNode(path.join(__dirname, '..', 'gateway', 'main.js'), {
      env: { ...process.env, ...env, GATEWAY_PORT: String(cachedPort), RESPONSE_CACHE: 'true' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(cached);
    const apolloPort = BASE_PORT + 52;
    const apollo = spawn(process.execPath, [path.join(__dirname, 'bench', 'stock-apollo.js'), supergraphFile, String(apolloPort)], {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(apollo);
    const hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
    const apolloUrl = `http://127.0.0.1:${apolloPort}/`;
    await answers(hiveUrl);
    await answers(apolloUrl);
    await waitForUrl(`http://127.0.0.1:${cachedPort}/health`, 120_000);
    const subgraphPids = Object.entries(graph.pids)
      .filter(([name]) => name !== 'gateway')
      .map(([, pid]) => pid);
    const gateways: Record<Peer, { url: string; pid: number }> = {
      Enlace: { url: graph.gatewayUrl, pid: graph.pids.gateway },
      Hive: { url: hiveUrl, pid: hive.pid! },
      Apollo: { url: apolloUrl, pid: apollo.pid! },
    };
    const samples = new Map<string, Sample[]>();
    const add = (key: string, sample: Sample) => samples.set(key, [...(samples.get(key) ?? []), sample]);
    for (let round = 0; round < OPTIONS.rounds; round += 1) {
      for (const [name, requests] of Object.entries(scenarios())) {
        const order = PEERS.map((_, i) => PEERS[(i + round) % PEERS.length]);
        for (const who of order) {
          const sample = await measure(gateways[who].url, requests, gateways[who].pid, subgraphPids);
          add(`${name}|${who}`, sample);
          console.log(`round ${round + 1}, ${name}, ${who}: ${sample.rps.toFixed(1)} ops/s`);
        }
      }
      const cachedSample = await measure(
        `http://127.0.0.1:${cachedPort}/graphql`,
        scenarios()['S7 public directory page'],
        cached.pid!,
        subgraphPids,
      );
      add('S7c|Enlace', cachedSample);
      console.log(`round ${round + 1}, S7c, Enlace with RESPONSE_CACHE=true: ${cachedSample.rps.toFixed(1)} ops/s`);
    }
    const of = (key: string, pick: (sample: Sample) => number) => median((samples.get(key) ?? []).map(pick));
    const lines = [
      `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, SQLite, ${OPTIONS.connections} connections, ` +
        `${OPTIONS.rounds} rotating rounds of ${OPTIONS.duration} s (medians), one process per gateway`,
      '',
      '| scenario | Enlace ops/s | Hive ops/s | Apollo ops/s | Enlace ÷ Hive | Enlace ÷ Apollo | gateway CPU ms/op: Enlace / Hive / Apollo | subgraphs CPU ms/op: Enlace / Hive / Apollo | errors: Enlace / Hive / Apollo |',
      '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
    ];
    const each = (name: string, pick: (sample: Sample) => number, digits: number) =>
      PEERS.map((who) => of(`${name}|${who}`, pick).toFixed(digits)).join(' / ');
    for (const name of Object.keys(scenarios())) {
      const rps = (who: Peer) => of(`${name}|${who}`, (s) => s.rps);
      lines.push(
        `| ${name} | ${PEERS.map((who) => rps(who).toFixed(1)).join(' | ')} | ${(rps('Enlace') / rps('Hive')).toFixed(2)} | ` +
          `${(rps('Enlace') / rps('Apollo')).toFixed(2)} | ${each(name, (s) => s.gatewayCpu, 2)} | ${each(name, (s) => s.subgraphCpu, 2)} | ` +
          `${each(name, (s) => s.errors, 0)} |`,
      );
    }
    const c = 'S7c|Enlace';
    const page = 'S7 public directory page';
    lines.push(
      `| S7c the page, Enlace with RESPONSE_CACHE=true | ${of(c, (s) => s.rps).toFixed(1)} | — | — | ` +
        `${(of(c, (s) => s.rps) / of(`${page}|Hive`, (s) => s.rps)).toFixed(2)} | ${(of(c, (s) => s.rps) / of(`${page}|Apollo`, (s) => s.rps)).toFixed(2)} | ` +
        `${of(c, (s) => s.gatewayCpu).toFixed(2)} / — / — | ${of(c, (s) => s.subgraphCpu).toFixed(2)} / — / — | ${of(c, (s) => s.errors)} / — / — |`,
    );
    console.log(`\n${lines.join('\n')}\n`);
  } finally {
    await Promise.all(children.map((child) => stopProcess(child)));
    await graph.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
