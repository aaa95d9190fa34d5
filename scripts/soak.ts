import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchMysqlUrl, loadConfig } from '../services/platform/config';
import { seedBenchDataset } from './bench/dataset';
import { mixed, signUp } from './bench/mixed';
import { processTree } from './bench/proc';
import { benchEnv, dropBenchDatabases, percentile, rssMb, startGraphProcesses } from './bench/processes';
import { flag, parseOptions, wholeNumber } from './options';

/**
 * The graph left running under steady mixed load, to see what hours of service would show sooner:
 * `npm run soak [-- --minutes 10] [--rate 40] [--warmup 60] [--scale 10] [--mysql]`.
 * Seeds the benchmark dataset (scale 10: 350 organizations with 700 services, 350 authorities, practices
 * and agreements), starts the graph as processes in production mode (the gateway with its default
 * workers: one per CPU), warms up, then sends S6's mix (6 reads, 4 writes in 10 requests) at a fixed
 * rate for the given minutes; its new services go to every organization of the dataset in turn.
 * Reports every response that was not a clean answer (by HTTP status and by GraphQL error code),
 * latency, and the RSS of every process at the start and end of the measured period. Goals: no 5xx;
 * RSS growth under 10% in every process. Exits with 1 when a goal is missed, with 2 on a bad option.
 *
 * RSS is read every 5 s; "at start" is the mean over the first minute, "at end" over the last one. A
 * single reading moves by several MB from one second to the next as V8 commits and releases its young
 * generation, so two single readings can show a growth that is not there, or hide one.
 */
const {
  minutes: MINUTES,
  rate: RATE,
  warmup: WARMUP_S,
  scale: SCALE,
  mysql,
} = parseOptions(
  { command: 'npm run soak --' },
  {
    minutes: wholeNumber('minutes of measured load', 10, 1),
    rate: wholeNumber('requests per second, over all connections', 40, 1),
    warmup: wholeNumber('seconds of load before the measured period', 60, 0),
    scale: wholeNumber('rounds of the benchmark dataset (scripts/bench/dataset.ts)', 10, 1),
    mysql: flag('MySQL at BENCH_MYSQL_URL (mysql://root@127.0.0.1:3306 by default) instead of SQLite'),
  },
);
const CONNECTIONS = 8;
const MYSQL = mysql ? benchMysqlUrl() : undefined;
const BASE_PORT = 14300;
const PREFIX = 'enlace_soak_';
const GROWTH_GOAL = 0.1;
const SAMPLE_MS = 5000;

/** Every process of the graph by name: the subgraphs, the gateway's primary and each of its workers. */
function processes(pids: Record<string, number>): Record<string, number> {
  const named: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const [root, ...children] = processTree(pid);
    named[children.length ? `${name} (primary)` : name] = root;
    children.forEach((child, i) => (named[`${name} worker ${i + 1}`] = child));
  }
  return named;
}

function rssOf(named: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(named).map(([name, pid]) => [name, rssMb(pid)]));
}

interface Tally {
  responses: number;
  statuses: Map<number, number>;
  codes: Map<string, number>;
  latencies: number[];
  transportErrors: number;
}

function run(url: string, user: string, seconds: number): Promise<Tally> {
  const tally: Tally = { responses: 0, statuses: new Map(), codes: new Map(), latencies: [], transportErrors: 0 };
  const requests = mixed(user, SCALE).map((request) => ({
    ...request,
    onResponse: (status: number, body: string, context: Record<string, unknown>) => {
      tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
      if (body.includes('"errors":[')) {
        try {
          for (const error of (JSON.parse(body) as { errors: { extensions?: { code?: string } }[] }).errors) {
            const code = error.extensions?.code ?? 'no code';
            tally.codes.set(code, (tally.codes.get(code) ?? 0) + 1);
          }
        } catch {
          tally.codes.set('unparsable body', (tally.codes.get('unparsable body') ?? 0) + 1);
        }
      }
      request.onResponse?.(status, body, context);
    },
  }));
  const instance = autocannon({ url, connections: CONNECTIONS, overallRate: RATE, duration: seconds, requests, timeout: 30 });
  instance.on('response', (_client, _status, _bytes, ms) => {
    tally.responses += 1;
    tally.latencies.push(ms);
  });
  instance.on('reqError', () => (tally.transportErrors += 1));
  return Promise.resolve(instance).then(() => {
    tally.latencies.sort((a, b) => a - b);
    return tally;
  });
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-soak-'));
  const env = benchEnv({ dataDir, basePort: BASE_PORT, mysql: MYSQL ? { url: MYSQL, prefix: PREFIX } : undefined });
  if (MYSQL) await dropBenchDatabases(MYSQL, PREFIX);
  console.log(`Seeding the benchmark dataset on ${MYSQL ? 'MySQL' : 'SQLite'}...`);
  await seedBenchDataset(loadConfig(env), SCALE);
  const logDir = path.join(os.tmpdir(), 'enlace-soak-logs');
  const graph = await startGraphProcesses({ basePort: BASE_PORT, env, logDir });
  console.log(`The processes' logs (warnings and errors): ${logDir}/<process>.log`);
  let failed = false;
  try {
    const url = graph.gatewayUrl;
    const named = processes(graph.pids);
    const user = await signUp(url);
    console.log(`Warm-up: ${WARMUP_S} s at ${RATE} requests/s...`);
    if (WARMUP_S > 0) await run(url, user, WARMUP_S);

    const samples: Record<string, number>[] = [rssOf(named)];
    const perMinute = 60_000 / SAMPLE_MS;
    const sampler = setInterval(() => {
      samples.push(rssOf(named));
      if (samples.length % perMinute !== 0) return;
      const now = samples.at(-1)!;
      const line = Object.keys(named)
        .map((name) => `${name} ${now[name].toFixed(0)}`)
        .join(', ');
      process.stderr.write(`minute ${samples.length / perMinute}/${MINUTES}: RSS MB ${line}\n`);
    }, SAMPLE_MS);
    console.log(`Soak: ${MINUTES} min at ${RATE} requests/s over ${CONNECTIONS} connections...`);
    const started = Date.now();
    const tally = await run(url, user, MINUTES * 60);
    const elapsed = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const mean = (window: Record<string, number>[], name: string) => window.reduce((sum, sample) => sum + sample[name], 0) / window.length;
    const start = Object.fromEntries(Object.keys(named).map((name) => [name, mean(samples.slice(0, perMinute), name)]));
    const end = Object.fromEntries(Object.keys(named).map((name) => [name, mean(samples.slice(-perMinute), name)]));
    const peak = Object.fromEntries(Object.keys(named).map((name) => [name, Math.max(...samples.map((sample) => sample[name]))]));

    const fivexx = [...tally.statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
    const lines = [
      `Node ${process.version}, ${os.cpus().length} CPUs, ${MYSQL ? 'MySQL' : 'SQLite'}, scale ${SCALE}, ${MINUTES} min at ${RATE} requests/s ` +
        `(S6's mix: 4 writes in 10 requests), ${CONNECTIONS} connections, after ${WARMUP_S} s of warm-up.`,
      '',
      `Responses: ${tally.responses} in ${elapsed.toFixed(0)} s (${(tally.responses / elapsed).toFixed(1)}/s); ` +
        `p50 ${percentile(tally.latencies, 50).toFixed(1)} ms, p95 ${percentile(tally.latencies, 95).toFixed(1)} ms, ` +
        `p99 ${percentile(tally.latencies, 99).toFixed(1)} ms, max ${tally.latencies.at(-1)?.toFixed(1)} ms.`,
      `HTTP statuses: ${[...tally.statuses]
        .sort()
        .map(([status, n]) => `${status}: ${n}`)
        .join(', ')}; 5xx: ${fivexx}; ` + `connection errors or timeouts: ${tally.transportErrors}.`,
      `GraphQL errors by code: ${tally.codes.size ? [...tally.codes].map(([code, n]) => `${code}: ${n}`).join(', ') : 'none'}.`,
      '',
      'RSS in MB: mean of the readings (every 5 s) over the first and the last minute, and the highest reading.',
      '',
      '| process | RSS at start | RSS at end | growth | peak |',
      '| --- | ---: | ---: | ---: | ---: |',
    ];
    for (const name of Object.keys(named)) {
      const growth = (end[name] - start[name]) / start[name];
      if (growth >= GROWTH_GOAL) failed = true;
      lines.push(
        `| ${name} | ${start[name].toFixed(1)} | ${end[name].toFixed(1)} | ${(growth * 100).toFixed(1)}% | ${peak[name].toFixed(1)} |`,
      );
    }
    if (fivexx > 0 || tally.transportErrors > 0) failed = true;
    console.log(`\n${lines.join('\n')}\n`);
    console.log(
      failed
        ? 'A goal was missed (a 5xx, a lost connection, or RSS growth of 10% or more).'
        : 'Goals met: no 5xx, RSS growth under 10% everywhere.',
    );
  } finally {
    await graph.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (MYSQL) await dropBenchDatabases(MYSQL, PREFIX);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
