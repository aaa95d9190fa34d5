import cluster from 'node:cluster';
import { loadConfig } from '../services/platform/config';
import { onStopSignal } from '../services/platform/http';
import { createLogger } from '../services/platform/logger';
import { serveClusterMetrics } from '../services/platform/metrics';
import { startGatewayCluster } from './cluster';
import { startGateway } from './gateway';

const config = loadConfig();
const log = createLogger('gateway', config.logLevel);

// GATEWAY_WORKERS > 1: this process is the cluster's primary, and each worker runs a whole gateway. The
// primary serves nothing itself; it has the gateway's modules loaded (about 45 MB of RSS) but builds none of it.
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
  startGateway(config).then(
    (gateway) => onStopSignal(log, gateway.stop),
    (error: unknown) => {
      log.fatal({ err: error }, 'could not start');
      process.exit(1);
    },
  );
}
