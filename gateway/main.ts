import cluster from 'node:cluster';
import { loadConfig } from '../services/common/config';
import { createLogger } from '../services/common/logger';
import { serveClusterMetrics } from '../services/common/metrics';
import { startGatewayCluster } from './cluster';

const config = loadConfig();
const log = createLogger('gateway', config.logLevel);

// GATEWAY_WORKERS > 1: this process is the cluster's primary, and each worker runs a whole gateway.
// The primary never loads the gateway's code (Apollo, the query planner): about 70 MB of RSS less.
if (config.gatewayWorkers > 1 && cluster.isPrimary) {
  const workers = startGatewayCluster(config.gatewayWorkers, log);
  if (config.metrics) serveClusterMetrics();
  log.info({ workers: config.gatewayWorkers }, 'gateway cluster started');
  // Each worker drains its own requests (SHUTDOWN_GRACE_MS) when the primary forwards SIGTERM to it; one
  // still running after that and a margin is killed. Once, whatever number of signals comes.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    workers.stop(config.shutdownGraceMs + 5000).then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startGateway } = require('./gateway') as typeof import('./gateway');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { onStopSignal } = require('../services/common/http') as typeof import('../services/common/http');
  startGateway(config).then(
    (gateway) => onStopSignal(log, gateway.stop),
    (error: unknown) => {
      log.fatal({ err: error }, 'could not start');
      process.exit(1);
    },
  );
}
