import { ChildProcess, spawn } from 'node:child_process';
import { NODE_FLAGS } from '../services/platform/node-flags';

export interface ProcessSpec {
  name: string;
  script: string;
}

const MAX_BACKOFF_MS = 30_000;
const STABLE_AFTER_MS = 60_000;

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
 * Runs each process, restarts one that exits on its own (backing off from 1 s to 30 s while it keeps
 * crashing), and stops them all on request.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(private readonly log: (message: string) => void = console.log) {}

  start(spec: ProcessSpec, backoffMs = 1000): void {
    const startedAt = Date.now();
    const child = spawn(process.execPath, [...NODE_FLAGS, spec.script], { stdio: 'inherit', env: process.env });
    this.children.set(spec.name, child);
    child.on('exit', (code, signal) => {
      this.children.delete(spec.name);
      if (this.stopping) return;
      const next = Date.now() - startedAt > STABLE_AFTER_MS ? 1000 : Math.min(backoffMs * 2, MAX_BACKOFF_MS);
      this.log(`${spec.name} exited (${signal ?? `code ${code}`}); restarting in ${backoffMs / 1000} s`);
      setTimeout(() => !this.stopping && this.start(spec, next), backoffMs).unref();
    });
  }

  /** SIGTERM to every process, SIGKILL to any still running after the grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  }
}
