import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchMysqlUrl, loadConfig, SUBGRAPHS } from '../services/platform/config';
import { spawnNode, stopProcess, waitForUrl } from '../services/platform/launcher';
import { benchEnv, dropBenchDatabases, percentile, startGraphProcesses } from './bench/processes';
import { largestRssMb, treeCpuMs, treeRssMb } from './bench/proc';
import { seedBenchDataset } from './bench/dataset';
import { recordSubgraphFetches, type RecordedFetch } from './bench/record';
import { mixed, signUp, type MixedRequests } from './bench/mixed';
import { S1_MAX_COST, S1_QUERY, S4_QUERY, s5Query, S6_READS, S7_QUERY } from './bench/queries';
import { flag, listOf, parseOptions, text, wholeNumber } from './options';

/**
 * The graph under closed-loop load: `npm run bench [-- --mysql] [--duration 10] [--warmup 3] [--connections 16]
 * [--scale 1] [--only S1,S4] [--s6-duration 300] [--workers 2] [--no-stats] [--out file.md]`.
 * Seeds a deterministic dataset (scripts/bench/dataset.ts), starts the graph as processes with
 * NODE_ENV=production and BENCH_STATS=1, and for each scenario warms up, loads it with autocannon and
 * prints a Markdown table. CPU time and RSS come from /proc; subgraph fetches and SQL statements per
 * operation from the x-subgraph-fetches / x-sql-statements headers of a few operations sent one by one.
 */
const SCENARIOS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'] as const;
const OPTIONS = parseOptions(
  { command: 'npm run bench --' },
  {
    mysql: flag('MySQL at BENCH_MYSQL_URL (mysql://root@127.0.0.1:3306 by default) instead of SQLite'),
    duration: wholeNumber('seconds of measured load per scenario', 10, 1),
    warmup: wholeNumber('seconds of load before each measurement', 3, 0),
    connections: wholeNumber('concurrent clients, each sending its next request on an answer', 16, 1),
    scale: wholeNumber('rounds of the dataset (scripts/bench/dataset.ts)', 1, 1),
    only: listOf('the scenarios to run', SCENARIOS, SCENARIOS),
    's6-duration': wholeNumber("S6's seconds of measured load, --duration's by default", undefined, 1),
    workers: wholeNumber("the gateway's GATEWAY_WORKERS, one per CPU by default", undefined, 1, 256),
    'no-stats': flag('production exactly: no per-request statement counting (the two count columns show —)'),
    out: text('also writes the Markdown table to this file', 'FILE'),
  },
);
const DURATION = OPTIONS.duration;
const WARMUP = OPTIONS.warmup;
const CONNECTIONS = OPTIONS.connections;
const SCALE = OPTIONS.scale;
const S6_DURATION = OPTIONS['s6-duration'] ?? DURATION;
const ONLY = new Set<string>(OPTIONS.only);
const MYSQL = OPTIONS.mysql ? benchMysqlUrl() : undefined;
const BASE_PORT = 14200;
const PREFIX = 'enlace_bench_';

const JSON_HEADERS = { 'content-type': 'application/json' };

interface Row {
  scenario: string;
  ops: number;
  rps: number;
  latencies: number[];
  errors: number;
  cpu: Record<string, number>;
  rss: Record<string, number>;
  fetches: number | null;
  statements: number | null;
}

type Requests = { requests: MixedRequests };

const hasErrors = (body: string) => body.includes('"errors":[');

/** Closed loop: CONNECTIONS clients each sending the next request as soon as the last one answered. */
async function load(
  url: string,
  requests: Requests['requests'],
  seconds: number,
  pids: Record<string, number>,
): Promise<Omit<Row, 'scenario' | 'fetches' | 'statements'>> {
  let graphqlErrors = 0;
  const counted = requests.map((request) => ({
    ...request,
    onResponse: (status: number, body: string, context: Record<string, unknown>) => {
      if (status === 200 && hasErrors(body)) graphqlErrors += 1;
      request.onResponse?.(status, body, context);
    },
  }));
  const cpuBefore = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, treeCpuMs(pid)]));
  const rss: Record<string, number> = Object.fromEntries(Object.keys(pids).map((name) => [name, 0]));
  const sampleRss = () => {
    Object.entries(pids).forEach(([name, pid]) => (rss[name] = Math.max(rss[name], treeRssMb(pid))));
    if (pids.gateway) rss.gatewayProcess = Math.max(rss.gatewayProcess ?? 0, largestRssMb(pids.gateway));
  };
  const sampler = setInterval(sampleRss, 500);
  const latencies: number[] = [];
  const started = Date.now();
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: counted, timeout: 30 });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  const elapsed = (Date.now() - started) / 1000;
  clearInterval(sampler);
  sampleRss();
  const ops = latencies.length;
  const cpu = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, (treeCpuMs(pid) - cpuBefore[name]) / Math.max(ops, 1)]));
  return {
    ops,
    rps: ops / elapsed,
    latencies: latencies.sort((a, b) => a - b),
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    cpu,
    rss,
  };
}

/** Fetches and statements of one operation, sent alone with a known request id (median of five). */
async function sample(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ fetches: number | null; statements: number | null }> {
  const fetches: number[] = [];
  const statements: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...headers, 'x-request-id': `bench-sample-${Date.now()}-${i}` },
      body,
    });
    const text = await response.text();
    if (hasErrors(text)) throw new Error(`sample operation failed: ${text.slice(0, 500)}`);
    if (!response.headers.has('x-subgraph-fetches')) return { fetches: null, statements: null };
    fetches.push(Number(response.headers.get('x-subgraph-fetches') ?? NaN));
    statements.push(Number(response.headers.get('x-sql-statements') ?? NaN));
  }
  const median = (values: number[]) => {
    const value = values.sort((a, b) => a - b)[2];
    return Number.isNaN(value) ? null : value;
  };
  return { fetches: median(fetches), statements: median(statements) };
}

async function scenario(
  name: string,
  url: string,
  requests: Requests['requests'],
  pids: Record<string, number>,
  seconds = DURATION,
  sampleBody?: string,
): Promise<Row> {
  process.stdout.write(`${name}: warm-up ${WARMUP} s, load ${seconds} s... `);
  if (WARMUP > 0) await load(url, requests, WARMUP, pids);
  const measured = await load(url, requests, seconds, pids);
  const counts = sampleBody ? await sample(url, sampleBody) : { fetches: null, statements: null };
  console.log(`${measured.rps.toFixed(1)} ops/s`);
  return { scenario: name, ...measured, ...counts };
}

/** S2: the subgraph fetches the gateway makes for S1, sent straight to the subgraphs one after the other. */
async function directFetches(fetches: RecordedFetch[], seconds: number, pids: Record<string, number>): Promise<Row> {
  process.stdout.write(`S2: ${fetches.length} fetches per operation, warm-up ${WARMUP} s, load ${seconds} s... `);
  const run = async (duration: number) => {
    const cpuBefore = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, treeCpuMs(pid)]));
    const rss: Record<string, number> = Object.fromEntries(Object.keys(pids).map((name) => [name, 0]));
    const sampler = setInterval(
      () => Object.entries(pids).forEach(([name, pid]) => (rss[name] = Math.max(rss[name], treeRssMb(pid)))),
      500,
    );
    const latencies: number[] = [];
    let errors = 0;
    const started = Date.now();
    const deadline = started + duration * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < deadline) {
          const opStarted = performance.now();
          for (const recorded of fetches) {
            const response = await fetch(recorded.url, { method: 'POST', headers: JSON_HEADERS, body: recorded.body }).catch(() => null);
            const text = response ? await response.text() : '';
            if (!response || response.status !== 200 || hasErrors(text)) errors += 1;
          }
          latencies.push(performance.now() - opStarted);
        }
      }),
    );
    clearInterval(sampler);
    const elapsed = (Date.now() - started) / 1000;
    const cpu = Object.fromEntries(
      Object.entries(pids).map(([name, pid]) => [name, (treeCpuMs(pid) - cpuBefore[name]) / Math.max(latencies.length, 1)]),
    );
    return { ops: latencies.length, rps: latencies.length / elapsed, latencies: latencies.sort((a, b) => a - b), errors, cpu, rss };
  };
  if (WARMUP > 0) await run(WARMUP);
  const measured = await run(seconds);
  console.log(`${measured.rps.toFixed(1)} ops/s`);
  return { scenario: 'S2 S1 direct to subgraphs (summed)', ...measured, fetches: fetches.length, statements: null };
}

function startLocalGateway(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawnNode(path.join(__dirname, 'bench', 'local-gateway.js'), {
    env: { ...process.env, ...env, GATEWAY_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return waitForUrl(`http://127.0.0.1:${port}/health`, 120_000).then(
    () => child,
    (error: unknown) =>
      stopProcess(child).then(() => {
        throw error;
      }),
  );
}

const fmt = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);

function table(rows: Row[]): string {
  const lines = [
    '| scenario | ops/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/op gateway | CPU ms/op subgraphs | peak RSS MB gateway (largest process) | peak RSS MB subgraphs | subgraph fetches/op | SQL statements/op |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const subgraphCpu = SUBGRAPHS.reduce((sum, name) => sum + (row.cpu[name] ?? 0), 0);
    const subgraphRss = SUBGRAPHS.reduce((sum, name) => sum + (row.rss[name] ?? 0), 0);
    lines.push(
      `| ${row.scenario} | ${fmt(row.rps)} | ${fmt(percentile(row.latencies, 50))} | ${fmt(percentile(row.latencies, 95))} | ${fmt(percentile(row.latencies, 99))} | ` +
        `${row.errors} | ${fmt(row.cpu.gateway, 2)} | ${fmt(subgraphCpu, 2)} | ${fmt(row.rss.gateway, 0)} (${fmt(row.rss.gatewayProcess, 0)}) | ${fmt(subgraphRss, 0)} | ${fmt(row.fetches, 0)} | ${fmt(row.statements, 0)} |`,
    );
  }
  lines.push('', `| scenario | CPU ms/op: ${['gateway', ...SUBGRAPHS].join(' | ')} |`, `| --- |${' ---: |'.repeat(SUBGRAPHS.length + 1)}`);
  for (const row of rows)
    lines.push(`| ${row.scenario.split(' ')[0]} | ${['gateway', ...SUBGRAPHS].map((name) => fmt(row.cpu[name], 2)).join(' | ')} |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-bench-graph-'));
  const env = benchEnv({
    dataDir,
    basePort: BASE_PORT,
    mysql: MYSQL ? { url: MYSQL, prefix: PREFIX } : undefined,
    extra: {
      ...(OPTIONS['no-stats'] ? {} : { BENCH_STATS: '1' }),
      // S1 is a fixed deep shape whose lists the edge prices at all they may hold (611,018,206 fields):
      // the default limit refuses it, and the benchmark measures throughput, not the limit.
      QUERY_MAX_COST: String(S1_MAX_COST),
      ...(OPTIONS.workers === undefined ? {} : { GATEWAY_WORKERS: String(OPTIONS.workers) }),
    },
  });
  if (MYSQL) await dropBenchDatabases(MYSQL, PREFIX);
  const config = loadConfig(env);
  console.log(`Seeding the dataset (scale ${SCALE}) on ${MYSQL ? 'MySQL' : 'SQLite'}...`);
  const graph = await seedBenchDataset(config, SCALE)
    .then(() => startGraphProcesses({ basePort: BASE_PORT, env }))
    .catch((error: unknown) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw error;
    });
  const rows: Row[] = [];
  try {
    const pids = graph.pids;
    const url = graph.gatewayUrl;
    const s1Body = JSON.stringify({ query: S1_QUERY });
    const s1 = [{ method: 'POST', headers: JSON_HEADERS, body: s1Body }];
    if (ONLY.has('S1')) rows.push(await scenario('S1 deep query via gateway', url, s1, pids, DURATION, s1Body));
    if (ONLY.has('S2')) {
      const fetches = await recordSubgraphFetches(config, S1_QUERY);
      rows.push(await directFetches(fetches, DURATION, pids));
    }
    if (ONLY.has('S3')) {
      const port = BASE_PORT + 20;
      const local = await startLocalGateway(env, port);
      try {
        const row = await scenario(
          'S3 deep query, subgraphs in process',
          `http://127.0.0.1:${port}/graphql`,
          s1,
          { gateway: local.pid! },
          DURATION,
          s1Body,
        );
        rows.push({ ...row, statements: null }); // the same SQL as S1, but no subgraph reports it over HTTP here
      } finally {
        await stopProcess(local);
      }
    }
    const s4Body = JSON.stringify({ query: S4_QUERY });
    if (ONLY.has('S4'))
      rows.push(await scenario('S4 tiny query', url, [{ method: 'POST', headers: JSON_HEADERS, body: s4Body }], pids, DURATION, s4Body));
    if (ONLY.has('S5')) {
      let next = 0;
      const distinct = [
        {
          method: 'POST',
          headers: JSON_HEADERS,
          setupRequest: (request: object) => ({ ...request, body: JSON.stringify({ query: s5Query((next += 1)) }) }),
        },
      ];
      rows.push(await scenario('S5 distinct operations', url, distinct, pids, DURATION, JSON.stringify({ query: s5Query(1_000_000) })));
    }
    if (ONLY.has('S6'))
      rows.push(
        await scenario(
          'S6 mixed read/write',
          url,
          mixed(await signUp(url), SCALE),
          pids,
          S6_DURATION,
          JSON.stringify({ query: S6_READS[0] }),
        ),
      );
    if (ONLY.has('S7')) {
      const s7Body = JSON.stringify({ query: S7_QUERY });
      const s7 = [{ method: 'POST', headers: JSON_HEADERS, body: s7Body }];
      rows.push(await scenario('S7 public directory page', url, s7, pids, DURATION, s7Body));
      // The same page on a second gateway with the response cache on, reading the same subgraphs.
      const port = BASE_PORT + 21;
      const cached = spawnNode(path.join(__dirname, '..', 'gateway', 'main.js'), {
        env: { ...process.env, ...env, GATEWAY_PORT: String(port), RESPONSE_CACHE: 'true' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      try {
        await waitForUrl(`http://127.0.0.1:${port}/health`, 120_000);
        const subgraphPids = Object.fromEntries(Object.entries(pids).filter(([name]) => name !== 'gateway'));
        rows.push(
          await scenario(
            'S7c the same, RESPONSE_CACHE=true',
            `http://127.0.0.1:${port}/graphql`,
            s7,
            { ...subgraphPids, gateway: cached.pid! },
            DURATION,
            s7Body,
          ),
        );
      } finally {
        await stopProcess(cached);
      }
    }
  } finally {
    await graph.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (MYSQL) await dropBenchDatabases(MYSQL, PREFIX);
  }
  const header =
    `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${MYSQL ? 'MySQL' : 'SQLite'}, scale ${SCALE}, ` +
    `${CONNECTIONS} connections, ${DURATION} s per scenario${ONLY.has('S6') ? ` (S6 ${S6_DURATION} s)` : ''} after ${WARMUP} s warm-up, ` +
    `GATEWAY_WORKERS=${env.GATEWAY_WORKERS ?? 'default'}`;
  const markdown = `${header}\n\n${table(rows)}\n`;
  console.log(`\n${markdown}`);
  if (OPTIONS.out) fs.writeFileSync(OPTIONS.out, markdown);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
