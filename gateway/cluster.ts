import cluster, { type Worker } from 'node:cluster';
import { keepRunning } from '../services/platform/launcher';
import type { Logger } from '../services/platform/logger';

export interface GatewayCluster {
  workers: () => Worker[];
  /** SIGTERM to every worker; SIGKILL to one still running `graceMs` later (stopProcess). */
  stop: (graceMs?: number) => Promise<void>;
}

/**
 * The primary of a gateway cluster (GATEWAY_WORKERS > 1): forks the workers, which each run a whole
 * gateway on the shared port (node:cluster hands out connections round-robin), and forks a new one
 * when one dies, on the launcher's restart policy (keepRunning: 1 s, backing off to 30 s while workers
 * keep dying young). The primary serves nothing itself. Workers inherit its node flags (NODE_FLAGS).
 * Each worker has its own query-plan cache and its own live feed, polling the event log like a replica
 * would; a WebSocket stays with the worker that accepted it, and the feed's per-address connection limit
 * is counted by each worker.
 */
export function startGatewayCluster(count: number, log: Logger, exec?: string): GatewayCluster {
  if (exec) cluster.setupPrimary({ exec });
  const kept = Array.from({ length: count }, () =>
    keepRunning(
      () => cluster.fork().process,
      ({ pid, code, signal, restartInMs }) => log.error({ pid, code, signal, restartInMs }, 'gateway worker died; starting another'),
    ),
  );
  return {
    workers: () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined),
    stop: async (graceMs?: number) => {
      await Promise.all(kept.map((worker) => worker.stop(graceMs)));
    },
  };
}
