import path from 'node:path';
import { loadConfig, SUBGRAPHS } from '../services/platform/config';
import { graceFor, onStopSignals, waitForUrl } from '../services/platform/launcher';
import { Supervisor } from './supervisor';

/**
 * `npm start`: the seven subgraphs and the gateway as separate processes under one supervisor, which
 * restarts a crashed process and stops them all on Ctrl-C / SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const dist = path.resolve(__dirname, '..');
  const supervisor = new Supervisor();
  // The gateway first: the requests it is still answering need the subgraphs.
  const stop = async () => {
    await supervisor.stop(graceFor(config.shutdownGraceMs), ['gateway']);
    await supervisor.stop(graceFor(config.shutdownGraceMs));
  };
  onStopSignals(() => {
    console.log('Stopping Enlace...');
    return stop();
  });

  const storage = config.databaseUrl ? `MySQL (${config.databasePrefix}<subgraph> databases)` : `SQLite files in ${config.dataDir}`;
  console.log(`Starting Enlace on ${storage}${config.seedDemo ? ', with demo data' : ''}...`);
  for (const name of SUBGRAPHS) {
    supervisor.start({ name, script: path.join(dist, 'services', name, 'main.js') });
  }
  const base = (port: number) => `http://${config.host}:${port}`;
  try {
    await Promise.all(SUBGRAPHS.map((name) => waitForUrl(`${base(config.ports[name])}/ready`, 120_000)));
    supervisor.start({ name: 'gateway', script: path.join(dist, 'gateway', 'main.js') });
    await waitForUrl(`${base(config.gatewayPort)}/health`);
  } catch (error) {
    await stop();
    throw error;
  }
  console.log(`\nEnlace is up. Point a browser (or any GraphQL client) at ${base(config.gatewayPort)}/graphql\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
