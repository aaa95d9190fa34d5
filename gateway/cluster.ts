import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../services/platform/logger';

export interface GatewayCluster {
  workers: () => Worker[];
  /** SIGTERM to every worker; SIGKILL to one still running after `killAfterMs`, when given. */
  stop: (killAfterMs?: number) => Promise<void>;
}

const RESTART_DELAY_MS = 1000;

/**
 * The primary of a gateway cluster (GATEWAY_WORKERS > 1): forks the workers, which each run a whole
 * gateway on the shared port (node:cluster hands out connections round-robin), and forks a new one
 * when one dies. The primary serves nothing itself. Each worker has its own query-plan cache and its
 * own live feed, polling the event log like a replica would; a WebSocket stays with the worker that
 * accepted it, and the feed's per-address connection limit is counted by each worker.
 */
export function startGatewayCluster(count: number, log: Logger, exec?: string): GatewayCluster {
  if (exec) cluster.setupPrimary({ exec });
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork();
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      log.error({ pid: worker.process.pid, code, signal }, 'gateway worker died; starting another');
      setTimeout(() => !stopping && fork(), RESTART_DELAY_MS).unref();
    });
  };
  for (let i = 0; i < count; i += 1) fork();
  return {
    workers: () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined),
    stop: async (killAfterMs?: number) => {
      stopping = true;
      await Promise.all(
        Object.values(cluster.workers ?? {}).map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (!worker || worker.isDead()) return resolve();
              const kill = killAfterMs === undefined ? undefined : setTimeout(() => worker.process.kill('SIGKILL'), killAfterMs);
              worker.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
