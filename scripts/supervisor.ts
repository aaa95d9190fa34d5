import { keepRunning, spawnNode, type KeptRunning } from '../services/platform/launcher';

export interface ProcessSpec {
  name: string;
  script: string;
}

/**
 * Runs each process, starts it again when it exits on its own (keepRunning's policy: after 1 s, backing
 * off to 30 s while it keeps crashing), and stops them all on request.
 */
export class Supervisor {
  private readonly running = new Map<string, KeptRunning>();

  constructor(private readonly log: (message: string) => void = console.log) {}

  start(spec: ProcessSpec): void {
    const kept = keepRunning(
      () => spawnNode(spec.script),
      ({ code, signal, restartInMs }) =>
        this.log(`${spec.name} exited (${signal ?? `code ${code}`}); restarting in ${restartInMs / 1000} s`),
    );
    this.running.set(spec.name, kept);
  }

  /** SIGTERM to every process (or those named), SIGKILL to any still running `graceMs` later (stopProcess). */
  async stop(graceMs?: number, names: string[] = [...this.running.keys()]): Promise<void> {
    await Promise.all(names.flatMap((name) => this.running.get(name)?.stop(graceMs) ?? []));
  }
}
