import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchMysqlUrl } from '../services/platform/config';
import { treeRssMb } from './bench/proc';
import { percentile, startGraphProcesses, type GraphProcesses } from './bench/processes';
import { flag, parseOptions, text, wholeNumber } from './options';
import { post, type Attack } from './redteam/attack';
import { ATTACKS } from './redteam/index';

/**
 * Replays the attacks of scripts/redteam/ against a graph started for each (processes from dist/, as in
 * production) and reports, per attack: what the attacker got, whether every process is still up, the
 * latency of a probe query sent to the targeted process every PROBE_MS during the attack (and how many
 * probes failed), each process's peak RSS, and the error-level lines and stack traces each wrote. `npm run redteam [-- --only a,b] [--mysql] [--dist DIR]`;
 * --dist starts another build (a checkout of an older commit's dist/) to measure it the same way.
 */
const names = ATTACKS.map((attack) => attack.name);
const options = parseOptions(
  { command: 'npm run redteam --' },
  {
    only: text(`the attacks to run, comma-separated (${names.join(', ') || 'none yet'}); default all`, 'LIST'),
    mysql: flag('MySQL at BENCH_MYSQL_URL (mysql://root@127.0.0.1:3306 by default) instead of SQLite'),
    dist: text('the dist/ folder of the build to attack; default this checkout', 'DIR'),
    port: wholeNumber('first of the nine ports the graph takes', 14300, 1024, 65000),
  },
);

const PROBE_MS = 250;
const PROBES: Record<Attack['target'], string> = {
  gateway: '{ country(code: "GT") { name } }',
  accounts: '{ me { id } }',
  authorities: '{ country(code: "GT") { name } }',
  organizations: '{ organizations(first: 1) { totalCount } }',
  practices: '{ practices(first: 1) { totalCount } }',
  agreements: '{ agreements(first: 1) { totalCount } }',
  workplan: '{ guideline(number: 1) { number } }',
};

interface Measured {
  attack: string;
  outcome: string;
  probes: number;
  failedProbes: number;
  probeP50: number;
  probeMax: number;
  down: string[];
  rss: Record<string, number>;
  /** Per process that wrote any: error-level (or fatal) lines, and lines of a stack trace outside JSON. */
  errorLines: Record<string, number>;
}

/** The lines of a process's log (stdout and stderr) so far. */
const logLines = (logDir: string, name: string): string[] => {
  try {
    return fs
      .readFileSync(path.join(logDir, `${name}.log`), 'utf8')
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
};

/** A pino line at error or fatal level, or a stack trace a process printed outside its log (ws, Node). */
const isErrorLine = (line: string): boolean => /"level":(50|60)/.test(line) || /^\s+at /.test(line);

async function replay(attack: Attack): Promise<Measured> {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), `enlace-redteam-${attack.name}-`));
  const graph: GraphProcesses = await startGraphProcesses({
    basePort: options.port,
    mysqlUrl: options.mysql ? benchMysqlUrl() : undefined,
    distDir: options.dist,
    env: attack.env,
    logDir,
  });
  const url = attack.target === 'gateway' ? graph.gatewayUrl : graph.subgraphUrls[attack.target];
  const latencies: number[] = [];
  let failed = 0;
  const rss: Record<string, number> = {};
  const sample = () => {
    for (const [name, pid] of Object.entries(graph.pids)) {
      try {
        rss[name] = Math.max(rss[name] ?? 0, treeRssMb(pid));
      } catch {
        // the process is gone: reported below
      }
    }
  };
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const started = Date.now();
      const ok = await Promise.race([
        post(url, PROBES[attack.target]).then(
          (r) => r.status === 200 && typeof r.body === 'object' && !r.body.errors,
          () => false,
        ),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000)),
      ]);
      latencies.push(Date.now() - started);
      if (!ok) failed += 1;
      sample();
      await new Promise((resolve) => setTimeout(resolve, PROBE_MS));
    }
  })();
  let outcome: string;
  try {
    outcome = await attack.run(
      graph,
      (line) => console.log(`  ${line}`),
      (name) => logLines(logDir, name),
    );
  } catch (error) {
    outcome = `the attack itself failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  probing = false;
  await prober;
  const down = Object.entries(graph.pids)
    .filter(([, pid]) => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    })
    .map(([name]) => name);
  await graph.stop();
  const errorLines: Record<string, number> = {};
  for (const name of Object.keys(graph.pids)) {
    const count = logLines(logDir, name).filter(isErrorLine).length;
    if (count > 0) errorLines[name] = count;
  }
  fs.rmSync(logDir, { recursive: true, force: true });
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    attack: attack.name,
    outcome,
    probes: latencies.length,
    failedProbes: failed,
    probeP50: percentile(sorted, 50),
    probeMax: sorted[sorted.length - 1] ?? NaN,
    down,
    rss,
    errorLines,
  };
}

async function main(): Promise<void> {
  const wanted = options.only ? options.only.split(',').map((name) => name.trim()) : names;
  const unknown = wanted.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    console.error(`Unknown attack: ${unknown.join(', ')}. Known: ${names.join(', ') || 'none'}.`);
    process.exit(2);
  }
  const results: Measured[] = [];
  for (const attack of ATTACKS.filter((a) => wanted.includes(a.name))) {
    console.log(`${attack.name}: ${attack.summary}`);
    results.push(await replay(attack));
  }
  console.log(`\nBuild: ${options.dist ?? 'this checkout'}; ${options.mysql ? 'MySQL' : 'SQLite'}; probe every ${PROBE_MS} ms\n`);
  console.log('| attack | what the attacker got | probes (failed) | probe p50 / max ms | processes down | peak RSS MB | error lines |');
  console.log('| --- | --- | ---: | ---: | --- | --- | --- |');
  for (const r of results) {
    const rss = Object.entries(r.rss)
      .map(([name, mb]) => `${name} ${mb.toFixed(0)}`)
      .join(', ');
    const errors =
      Object.entries(r.errorLines)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ') || 'none';
    console.log(
      `| ${r.attack} | ${r.outcome.replaceAll('|', '\\|')} | ${r.probes} (${r.failedProbes}) | ${r.probeP50} / ${r.probeMax} | ${r.down.join(', ') || 'none'} | ${rss} | ${errors} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
