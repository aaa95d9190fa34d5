import path from 'node:path';
import { loadConfig, SUBGRAPHS } from '../services/platform/config';
import { Supervisor, waitForUrl } from './supervisor';

/**
 * `npm start`: the six subgraphs and the gateway as separate processes under one supervisor, which
 * restarts a crashed process and stops them all on Ctrl-C / SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const dist = path.resolve(__dirname, '..');
  const supervisor = new Supervisor();
  let stopping = false;
  const shutdown = () => {
    // Once: a second signal (Ctrl-C pressed again, a service manager's repeat) must not kill the supervisor
    // mid-stop and leave its processes without the SIGKILL that ends a hung one.
    if (stopping) return;
    stopping = true;
    console.log('Stopping Enlace...');
    // Each process drains for up to SHUTDOWN_GRACE_MS; SIGKILL only after that and a margin.
    supervisor.stop(config.shutdownGraceMs + 5000).then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

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
    await supervisor.stop();
    throw error;
  }
  console.log(`\nEnlace is up. Point a browser (or any GraphQL client) at ${base(config.gatewayPort)}/graphql\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
