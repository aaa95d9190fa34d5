import cluster from 'node:cluster';
import { loadConfig } from '../services/platform/config';
import { onStopSignal } from '../services/platform/http';
import { graceFor } from '../services/platform/launcher';
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
  // Each worker drains its own requests (SHUTDOWN_GRACE_MS) when the primary forwards SIGTERM to it.
  onStopSignal(log, () => workers.stop(graceFor(config.shutdownGraceMs)));
} else {
  startGateway(config).then(
    (gateway) => onStopSignal(log, gateway.stop),
    (error: unknown) => {
      log.fatal({ err: error }, 'could not start');
      process.exit(1);
    },
  );
}
