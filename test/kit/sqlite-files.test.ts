import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { openDatabase } from '../../services/kit/database';
import { SUBGRAPHS, type Config, type SubgraphName } from '../../services/platform/config';
import { SUBGRAPH_DEFINITIONS } from '../../services/subgraphs';
import { cleanUp, testConfig } from '../helpers/config';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const FILES = ['', '-wal', '-shm'];

/** Opens a subgraph's store as it starts, and writes to it: the -wal and -shm files then exist. */
async function openAndWrite(config: Config, service: SubgraphName): Promise<DataSource> {
  const { entities, migrations } = SUBGRAPH_DEFINITIONS[service];
  const db = await openDatabase(config, { service, entities, migrations });
  await db.query('CREATE TABLE IF NOT EXISTS permission_probe (n INTEGER)');
  await db.query('INSERT INTO permission_probe (n) VALUES (1)');
  return db;
}

/**
 * The SQLite files hold password hashes (accounts) and shelter addresses (organizations): another account
 * of the machine must not read them, nor the write-ahead log that holds the latest writes.
 */
describe('the SQLite files', () => {
  let config: Config;
  const open: DataSource[] = [];
  beforeEach(async () => {
    // SQLite whatever engine the suite runs on: these are the embedded default's files.
    config = await testConfig({ DATABASE_URL: '' });
  });
  afterEach(async () => {
    for (const db of open.splice(0)) await db.destroy();
    await cleanUp(config);
  });

  it('are created 0600, with their WAL and SHM files, for every subgraph, in a data directory of the owner only', async () => {
    fs.rmSync(config.dataDir, { recursive: true, force: true });
    for (const service of SUBGRAPHS) open.push(await openAndWrite(config, service));
    for (const service of SUBGRAPHS) {
      for (const suffix of FILES) {
        const file = path.join(config.dataDir, `${service}.sqlite${suffix}`);
        expect({ file: path.basename(file), mode: modeOf(file).toString(8) }).toEqual({ file: path.basename(file), mode: '600' });
      }
    }
    expect(modeOf(config.dataDir).toString(8)).toBe('700');
  });

  it('are tightened to 0600 when an older version left them readable by all', async () => {
    const file = path.join(config.dataDir, 'accounts.sqlite');
    // An older version's store, still open (its -wal and -shm exist), as the files it left: 0644.
    fs.mkdirSync(config.dataDir, { recursive: true });
    const old = await new DataSource({ type: 'better-sqlite3', database: file, enableWAL: true }).initialize();
    await old.query('CREATE TABLE older (n INTEGER)');
    await old.query('INSERT INTO older VALUES (1)');
    open.push(old);
    for (const suffix of FILES) fs.chmodSync(`${file}${suffix}`, 0o644);
    open.push(await openAndWrite(config, 'accounts'));
    for (const suffix of FILES) expect(modeOf(`${file}${suffix}`).toString(8)).toBe('600');
    expect(await open[1].query('SELECT n FROM older')).toEqual([{ n: 1 }]);
  });
});
