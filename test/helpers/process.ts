import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { probePort } from '../../services/platform/launcher';
import { TEST_KEY_ENV } from './config';

const ROOT = path.join(__dirname, '..', '..');

/** A port free on 127.0.0.1 now. */
export const freePort = (): Promise<number> => probePort(0);

export interface Child {
  process: ChildProcess;
  url: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/**
 * Runs one of the project's main.ts as its own process, as the supervisor or a container would (the
 * sources through ts-register.js: no build needed), on `port` or a free one; resolves once /ready says 200.
 */
export async function runMain(main: string, env: Record<string, string>, portVariable: string, port?: number): Promise<Child> {
  port ??= await freePort();
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'test/helpers/ts-register.js'), path.join(ROOT, main)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', ...TEST_KEY_ENV, LOG_LEVEL: 'info', [portVariable]: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${main} exited early:\n${output}`);
    const ready = await fetch(url.replace('/graphql', '/ready')).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${main} not ready within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { process: child, url, exit, output: () => output };
}
