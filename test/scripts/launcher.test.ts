import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { keepRunning, probePort, spawnNode, stopProcess, type ProcessExit } from '../../services/platform/launcher';
import { NODE_FLAGS } from '../../services/platform/node-flags';
import { until } from '../helpers/until';

describe('the process launcher', () => {
  let dir: string;
  const script = (name: string, body: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, body);
    return file;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-launcher-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs a script with the node flags every Enlace process needs', async () => {
    const child = spawnNode(script('flags.js', 'process.stdout.write(JSON.stringify(process.execArgv))'), {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    await new Promise((resolve) => child.once('exit', resolve));
    expect(JSON.parse(output)).toEqual(expect.arrayContaining(NODE_FLAGS));
  });

  describe('stopping a process', () => {
    it('sends SIGTERM, and is done when the process has exited', async () => {
      const child = spawnNode(script('server.js', "setInterval(() => {}, 1000); console.log('up');"), {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise((resolve) => child.stdout!.once('data', resolve));
      await stopProcess(child, 5000);
      expect(child.signalCode).toBe('SIGTERM');
    });

    it('kills a process still running after the grace period, once however often it is asked', async () => {
      const hung = spawnNode(
        script('hung.js', "process.on('SIGTERM', () => console.log('SIGTERM')); setInterval(() => {}, 1000); console.log('up');"),
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let output = '';
      hung.stdout!.on('data', (chunk) => (output += chunk));
      await until(() => output.includes('up'));
      const started = Date.now();
      const first = stopProcess(hung, 500);
      const second = stopProcess(hung, 60_000);
      expect(second).toBe(first);
      await Promise.all([first, second]);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(hung.signalCode).toBe('SIGKILL');
      expect(output.match(/SIGTERM/g)).toHaveLength(1);
    });
  });

  describe('keeping a process running', () => {
    it('starts it again after 1 s, then 2 s while it keeps exiting young, and not after being stopped', async () => {
      const starts = path.join(dir, 'starts');
      const crasher = script('crash.js', `require('fs').appendFileSync(${JSON.stringify(starts)}, 'x'); process.exit(3);`);
      const exits: ProcessExit[] = [];
      const kept = keepRunning(
        () => spawnNode(crasher),
        (exit) => exits.push(exit),
      );
      await until(() => exits.length >= 2);
      await kept.stop();
      expect(exits.map(({ code, restartInMs }) => ({ code, restartInMs }))).toEqual([
        { code: 3, restartInMs: 1000 },
        { code: 3, restartInMs: 2000 },
      ]);
      const count = fs.readFileSync(starts, 'utf8').length;
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(fs.readFileSync(starts, 'utf8').length).toBe(count);
    });
  });

  describe('probing a port', () => {
    it('finds a free port, and refuses a taken one', async () => {
      const port = await probePort();
      const holder = net.createServer();
      await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
      try {
        await expect(probePort(port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
      } finally {
        holder.close();
      }
    });
  });
});
