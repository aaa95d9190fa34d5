import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import net from 'node:net';
import { NODE_FLAGS } from './node-flags';

/**
 * Starting and stopping Enlace's processes, for every parent: the `npm start` supervisor, the gateway
 * cluster's primary, and the benchmarks and soak.
 */

/**
 * How long an Enlace process gets between SIGTERM and SIGKILL: its own drain (SHUTDOWN_GRACE_MS, after
 * which it cuts what is still in flight) and a margin to close its database and exit.
 */
export const graceFor = (shutdownGraceMs: number): number => shutdownGraceMs + 5000;

/** The same for a child whose SHUTDOWN_GRACE_MS the caller does not know: the default, 10 s. */
export const DEFAULT_GRACE_MS = graceFor(10_000);

/**
 * Runs `script` in a new node process with NODE_FLAGS, which must be on node's command line (see
 * node-flags.ts). `env` is the child's whole environment; by default it inherits this process's.
 */
export function spawnNode(script: string, options: { env?: NodeJS.ProcessEnv; stdio?: StdioOptions } = {}): ChildProcess {
  return spawn(process.execPath, [...NODE_FLAGS, script], { env: options.env, stdio: options.stdio ?? 'inherit' });
}

const stopping = new WeakMap<ChildProcess, Promise<void>>();

/**
 * SIGTERM, then SIGKILL if the process still runs `graceMs` later; resolves once it has exited. Once per
 * process: asking again (a second signal to the parent) returns the same stop, with no second SIGTERM
 * and no second deadline.
 */
export function stopProcess(child: ChildProcess, graceMs = DEFAULT_GRACE_MS): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  let stop = stopping.get(child);
  if (!stop) {
    stop = new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
    stopping.set(child, stop);
  }
  return stop;
}

export interface ProcessExit {
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** When the next process starts. */
  restartInMs: number;
}

export interface KeptRunning {
  /** The process running now; none while a restart waits. */
  current: () => ChildProcess | undefined;
  /** Ends the restarts and stops the process running now (stopProcess). */
  stop: (graceMs?: number) => Promise<void>;
}

const FIRST_RESTART_MS = 1000;
const MAX_RESTART_MS = 30_000;
const STABLE_AFTER_MS = 60_000;

/**
 * Runs the process `start` starts, and starts another whenever it exits on its own: 1 s later, the wait
 * doubling (up to 30 s) while each one exits within a minute of its start, so that a process that cannot
 * start (a port taken, a bad setting) does not spin; back to 1 s after one that ran a minute. The
 * supervisor's processes and the gateway cluster's workers follow this one policy.
 */
export function keepRunning(start: () => ChildProcess, onExit: (exit: ProcessExit) => void): KeptRunning {
  let child: ChildProcess | undefined;
  let restart: NodeJS.Timeout | undefined;
  let stopped = false;
  let delay = FIRST_RESTART_MS;
  const run = () => {
    const startedAt = Date.now();
    const running = start();
    child = running;
    running.once('exit', (code, signal) => {
      if (child === running) child = undefined;
      if (stopped) return;
      if (Date.now() - startedAt >= STABLE_AFTER_MS) delay = FIRST_RESTART_MS;
      onExit({ pid: running.pid, code, signal, restartInMs: delay });
      restart = setTimeout(run, delay);
      delay = Math.min(delay * 2, MAX_RESTART_MS);
    });
  };
  run();
  return {
    current: () => child,
    stop: (graceMs) => {
      stopped = true;
      clearTimeout(restart);
      return child ? stopProcess(child, graceMs) : Promise.resolve();
    },
  };
}

/**
 * Calls `stop` on the first SIGTERM or SIGINT and exits with 0 once it is done (1 if it failed). Later
 * signals do nothing: Ctrl-C reaches a whole process group, a cluster's primary forwards SIGTERM to
 * workers that got it already, people press Ctrl-C twice and service managers repeat themselves; none
 * of that may cut a drain under way, start a second stop, or end a parent mid-stop and leave a hung
 * child without the SIGKILL that ends it.
 */
export function onStopSignals(stop: (signal: NodeJS.Signals) => Promise<void>, onError: (error: unknown) => void = console.error): void {
  let stopped = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopped) return;
    stopped = true;
    new Promise<void>((resolve) => resolve(stop(signal))).then(
      () => process.exit(0),
      (error: unknown) => {
        onError(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** Polls a URL until it answers 200, or fails after `timeoutMs`. */
export async function waitForUrl(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Listens on `port` (0: any free one) and closes at once: resolves with the port, rejects with the
 * listen error (EADDRINUSE: taken).
 */
export function probePort(port = 0, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}
