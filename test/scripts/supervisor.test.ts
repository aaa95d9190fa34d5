import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Supervisor } from '../../scripts/supervisor';
import { until } from '../helpers/until';

function script(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return file;
}

describe('the npm start supervisor', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-supervisor-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('restarts a process that crashes', async () => {
    const starts = path.join(dir, 'starts');
    const crasher = script(dir, 'crash.js', `require('fs').appendFileSync(${JSON.stringify(starts)}, 'x'); process.exit(3);`);
    const supervisor = new Supervisor(() => {});
    supervisor.start({ name: 'crasher', script: crasher });
    await until(() => fs.existsSync(starts) && fs.readFileSync(starts, 'utf8').length >= 2);
    await supervisor.stop();
  });

  it('stops every process it runs, and restarts none of them', async () => {
    const pids = path.join(dir, 'pids');
    const server = script(
      dir,
      'server.js',
      `require('fs').appendFileSync(${JSON.stringify(pids)}, process.pid + '\\n'); setInterval(() => {}, 1000);`,
    );
    const supervisor = new Supervisor(() => {});
    supervisor.start({ name: 'a', script: server });
    supervisor.start({ name: 'b', script: server });
    await until(() => fs.existsSync(pids) && fs.readFileSync(pids, 'utf8').trim().split('\n').length === 2);
    await supervisor.stop();
    const running = fs
      .readFileSync(pids, 'utf8')
      .trim()
      .split('\n')
      .filter((pid) => {
        try {
          process.kill(Number(pid), 0);
          return true;
        } catch {
          return false;
        }
      });
    expect(running).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(fs.readFileSync(pids, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('stops only the processes named, when asked to (npm start stops the gateway before the subgraphs)', async () => {
    const pids = path.join(dir, 'pids');
    const server = script(
      dir,
      'server.js',
      `require('fs').appendFileSync(${JSON.stringify(pids)}, process.pid + '\\n'); setInterval(() => {}, 1000);`,
    );
    const supervisor = new Supervisor(() => {});
    supervisor.start({ name: 'gateway', script: server });
    await until(() => fs.existsSync(pids));
    supervisor.start({ name: 'subgraph', script: server });
    await until(() => fs.readFileSync(pids, 'utf8').trim().split('\n').length === 2);
    const [gateway, subgraph] = fs.readFileSync(pids, 'utf8').trim().split('\n').map(Number);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await supervisor.stop(undefined, ['gateway']);
    expect([alive(gateway), alive(subgraph)]).toEqual([false, true]);
    await supervisor.stop();
    expect(alive(subgraph)).toBe(false);
  });
});
