import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from './process';

/** The MariaDB server binary of Debian's mariadb-server package (CI has it: .ci/run starts it). */
export const MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((file) => fs.existsSync(file));

/**
 * A MariaDB server of the test's own, on a free port and a fresh data directory, that the test may kill
 * and start again without disturbing the suites that share the machine's server on 3306.
 */
export interface PrivateMariaDb {
  url: string;
  /** Kills the server at once (SIGKILL, as a crash or an OOM kill would): no clean shutdown. */
  kill: () => Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it answers. */
  start: () => Promise<void>;
  /** Stops it and removes its data directory. */
  remove: () => Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    const connection = await mysql.createConnection(url);
    await connection.query('SELECT 1');
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

export async function startPrivateMariaDb(): Promise<PrivateMariaDb> {
  if (!MARIADBD) throw new Error('no MariaDB server binary (install mariadb-server)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-mariadb-'));
  const dataDir = path.join(dir, 'data');
  const install = spawnSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${dataDir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
  const port = await freePort();
  const url = `mysql://root@127.0.0.1:${port}`;
  let server: ChildProcess | undefined;

  const start = async () => {
    const log = fs.openSync(path.join(dir, 'server.log'), 'a');
    server = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${dataDir}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${path.join(dir, 'mysqld.sock')}`,
        `--pid-file=${path.join(dir, 'mysqld.pid')}`,
        '--user=root',
        '--innodb-buffer-pool-size=64M',
        // The durability a production server has: a commit is on disk before the client hears of it.
        '--innodb-flush-log-at-trx-commit=1',
      ],
      { stdio: ['ignore', log, log] },
    );
    fs.closeSync(log);
    const deadline = Date.now() + 30_000;
    while (!(await answers(url))) {
      if (server.exitCode !== null) throw new Error(`mariadbd exited: see ${path.join(dir, 'server.log')}`);
      if (Date.now() > deadline) throw new Error('mariadbd did not answer within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const kill = async () => {
    const running = server;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };

  await start();
  return {
    url,
    kill,
    start,
    remove: async () => {
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
