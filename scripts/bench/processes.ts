import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrivateKey } from 'node:crypto';
import mysql from 'mysql2/promise';
import { signAccessToken } from '../../services/accounts/tokens';
import { newKeyPair, type Viewer } from '../../services/platform/auth';
import { SUBGRAPHS } from '../../services/platform/config';
import { probePort, spawnNode, stopProcess, waitForUrl } from '../../services/platform/launcher';

/** The benchmark graph's keys: a pair made for this run, and its feed key. */
const BENCH_KEYS = newKeyPair();
export const BENCH_KEY_ENV: Record<string, string> = {
  JWT_PRIVATE_KEY: BENCH_KEYS.privateKey,
  JWT_PUBLIC_KEY: BENCH_KEYS.publicKey,
  FEED_KEY: 'benchmark-feed-key-benchmark-feed-key-benchmark',
};

/** A token the benchmark graph accepts, as its accounts would sign it. */
export const benchToken = (viewer: Viewer, ttlSeconds = 4 * 3600): string =>
  signAccessToken(viewer, createPrivateKey(BENCH_KEYS.privateKey), ttlSeconds).token;

/** The subgraphs' ports: the gateway has `base`, the subgraphs the ports after it, in SUBGRAPHS order. */
const subgraphPorts = (base: number): Record<string, string> =>
  Object.fromEntries(SUBGRAPHS.map((name, i) => [`${name.toUpperCase()}_PORT`, String(base + 1 + i)]));

/**
 * The environment of a benchmark that seeds its dataset (dataset.ts) and then starts the graph on it, for
 * both: loadConfig for the seed, and startGraphProcesses, which adds its own settings for the processes.
 * Production, the benchmark's keys, the store (SQLite files in `dataDir`, or MySQL databases of one prefix),
 * the demo data, the subgraphs' ports from `basePort`; then the benchmark's own settings.
 */
export function benchEnv(options: {
  dataDir: string;
  basePort: number;
  mysql?: { url: string; prefix: string };
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...BENCH_KEY_ENV,
    DATA_DIR: options.dataDir,
    SEED_DEMO: 'true',
    ...(options.mysql ? { DATABASE_URL: options.mysql.url, DATABASE_PREFIX: options.mysql.prefix } : {}),
    ...subgraphPorts(options.basePort),
    ...options.extra,
  };
}

export interface GraphProcesses {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  pids: Record<string, number>;
  stop: () => Promise<void>;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Resident memory of a process now, in MB. */
export function rssMb(pid: number): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.split(/\s+/)[1]) / 1024 : 0;
}

/** Drops the subgraphs' databases of one prefix (a benchmark's or the soak's store). */
export async function dropBenchDatabases(url: string, prefix: string): Promise<void> {
  const connection = await mysql.createConnection(url);
  for (const name of SUBGRAPHS) await connection.query(`DROP DATABASE IF EXISTS \`${prefix}${name}\``);
  await connection.end();
}

/**
 * Fails when a port is taken: a process of ours that cannot listen exits, but the readiness checks would
 * then be answered by whatever holds the port (another run's graph, say), and that is what would be measured.
 */
async function assertPortsFree(ports: number[]): Promise<void> {
  for (const port of ports) {
    await probePort(port).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE' ? new Error(`port ${port} is in use: is another benchmark or soak still running?`) : error;
    });
  }
}

/**
 * The seven subgraphs and the gateway as separate processes from dist/ (NODE_ENV=production), on a fresh
 * SQLite directory or fresh MySQL databases, on ports from `basePort` up (all free, or it fails).
 */
export async function startGraphProcesses(
  options: {
    mysqlUrl?: string;
    basePort?: number;
    env?: Record<string, string>;
    /** Where each process's log goes (name.log); default: stderr only. */ logDir?: string;
    /** The build to start (a dist/ folder); default: this checkout's. Lets a script measure another version. */
    distDir?: string;
  } = {},
): Promise<GraphProcesses> {
  const base = options.basePort ?? 14000;
  await assertPortsFree([base, ...SUBGRAPHS.map((_, i) => base + 1 + i)]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-bench-'));
  const prefix = 'enlace_bench_';
  if (options.mysqlUrl) await dropBenchDatabases(options.mysqlUrl, prefix);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...BENCH_KEY_ENV,
    // The benchmarks' clients sign in once and keep their token for the whole run (the soak runs for hours).
    TOKEN_TTL_SECONDS: '86400',
    // Every benchmark write comes from this one address: the edge's per-address mutation limit is off.
    MUTATION_RATE_LIMIT: '0',
    DATA_DIR: dataDir,
    GATEWAY_PORT: String(base),
    ...(options.mysqlUrl ? { DATABASE_URL: options.mysqlUrl, DATABASE_PREFIX: prefix } : {}),
    ...options.env,
  };
  Object.assign(env, subgraphPorts(base));
  const dist = options.distDir ? path.resolve(options.distDir) : path.resolve(__dirname, '..', '..');
  const children: Record<string, ChildProcess> = {};
  if (options.logDir) fs.mkdirSync(options.logDir, { recursive: true });
  const spawnOne = (name: string, script: string) => {
    const log = options.logDir ? fs.openSync(path.join(options.logDir, `${name}.log`), 'w') : undefined;
    children[name] = spawnNode(script, { env, stdio: ['ignore', log ?? 'ignore', log ?? 'inherit'] });
    if (log !== undefined) fs.closeSync(log);
  };
  const stopAll = async () => {
    // The gateway first: the requests it is still answering need the subgraphs.
    if (children.gateway) await stopProcess(children.gateway);
    await Promise.all(Object.values(children).map((child) => stopProcess(child)));
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (options.mysqlUrl) await dropBenchDatabases(options.mysqlUrl, prefix);
  };
  const subgraphUrls: Record<string, string> = {};
  SUBGRAPHS.forEach((name, i) => {
    spawnOne(name, path.join(dist, 'services', name, 'main.js'));
    subgraphUrls[name] = `http://127.0.0.1:${base + 1 + i}/graphql`;
  });
  try {
    await Promise.all(SUBGRAPHS.map((name) => waitForUrl(subgraphUrls[name].replace('/graphql', '/ready'), 120_000)));
    spawnOne('gateway', path.join(dist, 'gateway', 'main.js'));
    await waitForUrl(`http://127.0.0.1:${base}/health`);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    gatewayUrl: `http://127.0.0.1:${base}/graphql`,
    subgraphUrls,
    pids: Object.fromEntries(Object.entries(children).map(([name, child]) => [name, child.pid!])),
    stop: stopAll,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
