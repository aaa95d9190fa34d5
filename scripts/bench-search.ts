import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { benchMysqlUrl, loadConfig } from '../services/platform/config';
import type { ServiceFilter } from '../services/organizations/resolvers/service.args';
import { percentile, startGraphProcesses } from './bench/processes';
import { explainServices, openPlans } from './bench/search-plans';
import { flag, parseOptions, wholeNumber } from './options';

/**
 * Search latency on the synthetic directory: `npm run bench:search [-- --mysql] [--runs 200] [--generate]`.
 * Generates the dataset once (scripts/generate-data.ts) into a store of its own, starts the graph as
 * processes on it, times typical searches of an anonymous viewer at the organizations subgraph and
 * through the gateway, and prints p50/p95/p99 and the plan (EXPLAIN) of each statement of each search.
 */
const OPTIONS = parseOptions(
  { command: 'npm run bench:search --' },
  {
    mysql: flag('MySQL at BENCH_MYSQL_URL (mysql://root@127.0.0.1:3306 by default) instead of SQLite'),
    runs: wholeNumber('timed runs of each search, at the subgraph and through the gateway', 200, 1),
    generate: flag('generates the dataset again even when one is there'),
  },
);
const RUNS = OPTIONS.runs;
const MYSQL = OPTIONS.mysql ? benchMysqlUrl() : undefined;
const DATA_DIR = path.join(os.tmpdir(), 'enlace-search-sqlite');
const PREFIX = 'enlace_search_';
const STORE: Record<string, string> = MYSQL
  ? { DATABASE_URL: MYSQL, DATABASE_PREFIX: PREFIX, SEED_DEMO: 'false' }
  : { DATA_DIR, SEED_DEMO: 'false' };

const SELECTION = 'totalCount nodes { id name distanceKm } pageInfo { hasNextPage endCursor }';
const QUERY = `query($f: ServiceFilter, $first: Int, $after: String, $last: Int, $before: String) {
  services(filter: $f, first: $first, after: $after, last: $last, before: $before) { ${SELECTION} } }`;

interface Case {
  name: string;
  filter: ServiceFilter;
  /** How many results to skip first, by walking pages: "a page deep in the results". */
  skip?: number;
  /** Read the page backward from there (last/before), as a client going back through the results. */
  backward?: boolean;
}

const CASES: Case[] = [
  { name: 'two words + country', filter: { search: 'albergue esperanza', country: 'MX' } },
  { name: 'two common words + country', filter: { search: 'capacitación empleo', country: 'PE' } },
  { name: 'language + type', filter: { language: 'que', type: 'PSYCHOSOCIAL' as never } },
  { name: 'a plural word + country', filter: { search: 'albergues', country: 'MX' } },
  { name: 'a language name + type', filter: { search: 'quechua', type: 'PSYCHOSOCIAL' as never } },
  { name: 'near + radius + type', filter: { near: { latitude: -12.05, longitude: -77.04 }, radiusKm: 50, type: 'LEGAL_AID' as never } },
  { name: 'deep page (search, after 1,000)', filter: { search: 'atención víctimas', country: 'MX' }, skip: 1000 },
  { name: 'deep page (country, after 2,000)', filter: { country: 'BR' }, skip: 2000 },
  { name: 'deep page backward (search, before 1,000)', filter: { search: 'atención víctimas', country: 'MX' }, skip: 1000, backward: true },
  { name: 'deep page backward (country, before 2,000)', filter: { country: 'BR' }, skip: 2000, backward: true },
];

/** What the benchmark reads of a page of services. */
interface ServicesPage {
  totalCount: number;
  pageInfo: { endCursor: string | undefined };
}

async function post(url: string, variables: Record<string, unknown>): Promise<ServicesPage> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables }),
  });
  const body = (await response.json()) as { data: { services: ServicesPage }; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.services;
}

async function cursorAfter(url: string, filter: ServiceFilter, skip: number): Promise<string | undefined> {
  let after: string | undefined;
  for (let seen = 0; seen < skip; seen += 100) after = (await post(url, { f: filter, first: 100, after })).pageInfo.endCursor;
  return after;
}

async function time(url: string, variables: Record<string, unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i += 1) await post(url, variables); // warm-up: JIT, caches, prepared plans
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await post(url, variables);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

async function ensureDataset(): Promise<void> {
  let missing = !fs.existsSync(path.join(DATA_DIR, 'organizations.sqlite'));
  if (MYSQL) {
    const connection = await mysql.createConnection(MYSQL);
    const [rows] = await connection.query(`SHOW DATABASES LIKE '${PREFIX}organizations'`);
    await connection.end();
    missing = (rows as unknown[]).length === 0;
  }
  if (!missing && !OPTIONS.generate) return;
  // generate-data replaces the synthetic rows of an earlier run, so running it again is safe.
  const result = spawnSync(process.execPath, [path.join(__dirname, 'generate-data.js')], {
    env: { ...process.env, ...STORE },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('generate-data failed');
}

async function main(): Promise<void> {
  const engine = MYSQL ? 'MySQL/MariaDB' : 'SQLite';
  await ensureDataset();
  const graph = await startGraphProcesses({ mysqlUrl: MYSQL, basePort: 14100, env: STORE });
  const { db, recorder } = await openPlans(loadConfig({ ...process.env, ...STORE }));
  const rows: string[] = [];
  const plans: string[] = [];
  try {
    for (const c of CASES) {
      const subgraphUrl = graph.subgraphUrls.organizations;
      const after = c.skip ? await cursorAfter(subgraphUrl, c.filter, c.skip) : undefined;
      const page = c.backward ? { last: 20, before: after } : { first: 20, after };
      const variables = { f: c.filter, ...page };
      const { totalCount } = await post(subgraphUrl, variables);
      const direct = await time(subgraphUrl, variables);
      const gateway = await time(graph.gatewayUrl, variables);
      const ms = (samples: number[]) => [50, 95, 99].map((p) => percentile(samples, p).toFixed(1)).join(' / ');
      rows.push(`| ${engine} | ${c.name} | ${totalCount} | ${ms(direct)} | ${ms(gateway)} |`);
      plans.push(`${engine}, ${c.name}:`, ...(await explainServices(db, recorder, c.filter, page)).map((p) => `  ${p}`));
    }
  } finally {
    await db.destroy();
    await graph.stop();
  }
  console.log(`\n${RUNS} runs each, sequential, anonymous viewer, first: 20 (last: 20 backward); latency in ms (p50 / p95 / p99).\n`);
  console.log('| engine | search | matches | subgraph p50 / p95 / p99 | gateway p50 / p95 / p99 |');
  console.log('|---|---|---|---|---|');
  rows.forEach((row) => console.log(row));
  console.log('\nQuery plans:\n');
  plans.forEach((line) => console.log(line));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
