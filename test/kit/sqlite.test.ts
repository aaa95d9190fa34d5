import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { openDatabase } from '../../services/kit/database';
import { RunningSubgraph, startSubgraph } from '../../services/kit/subgraph';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { practicesSubgraph } from '../../services/practices/subgraph';
import { tokenFor, viewer } from '../helpers/auth';
import { cleanUp, testConfig } from '../helpers/config';
import type { Config } from '../../services/platform/config';

/**
 * On SQLite another process may write to a subgraph's file while it serves: `npm run generate-data`, a
 * backup, an operator's sqlite3 shell. The subgraph opens its file in WAL mode with a busy timeout (5 s),
 * so its readers never wait for that writer, and its writers wait for the lock instead of failing.
 * Its page cache is bounded by SQLITE_CACHE_MB.
 */
const REGISTER = 'mutation($i: OrganizationInput!) { registerOrganization(input: $i) { id name } }';
const ORGANIZATION = 'query($id: ID!) { organization(id: $id) { name } }';

/** Another process that takes the file's write lock, changes a name, and commits after `holdMs`. */
interface OtherWriter {
  /** Resolves once the other process holds the lock (its change not yet committed). */
  locked: Promise<void>;
  committed: () => boolean;
  done: Promise<void>;
}

function otherWriter(file: string, organizationId: string, newName: string, holdMs: number): OtherWriter {
  const script = `
    const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    db.prepare('UPDATE organizations SET name = ? WHERE id = ?').run(${JSON.stringify(newName)}, ${JSON.stringify(organizationId)});
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs});
    db.exec('COMMIT');
    process.stdout.write('committed\\n');
    db.close();`;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  let onLocked: () => void;
  const locked = new Promise<void>((resolve) => (onLocked = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('locked')) onLocked();
  });
  const done = new Promise<void>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the other writer exited with ${code}`)))),
  );
  return { locked, committed: () => output.includes('committed'), done };
}

describe('the SQLite store, with another process writing to the same file', () => {
  let config: Config;
  let subgraph: RunningSubgraph;
  let file: string;
  const member = `Bearer ${tokenFor(viewer())}`;

  beforeAll(async () => {
    // SQLite whatever engine the suite runs on: this is the embedded default's behaviour.
    config = await testConfig({ DATABASE_URL: '' });
    subgraph = await startSubgraph(organizationsSubgraph, config, 0);
    file = path.join(config.dataDir, 'organizations.sqlite');
  });
  afterAll(async () => {
    await subgraph.stop();
    await cleanUp(config);
  });

  async function post(query: string, variables: Record<string, unknown>, authorization?: string) {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }

  async function anOrganization(): Promise<{ id: string; name: string }> {
    const { data } = await post('{ organizations(first: 1) { nodes { id name } } }', {});
    return data.organizations.nodes[0];
  }

  it('runs in WAL mode with a busy timeout, and a page cache of SQLITE_CACHE_MB (4 MB unless set)', async () => {
    expect(await subgraph.db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await subgraph.db.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
    // Negative: in KiB.
    expect(await subgraph.db.query('PRAGMA cache_size')).toEqual([{ cache_size: -4096 }]);
    const other = await openDatabase(
      { ...config, sqliteCacheMb: 32 },
      { service: 'practices', entities: practicesSubgraph.entities, migrations: practicesSubgraph.migrations },
    );
    try {
      expect(await other.query('PRAGMA cache_size')).toEqual([{ cache_size: -32768 }]);
    } finally {
      await other.destroy();
    }
  });

  it('reads while the other process holds the lock, and a write waits for it and then succeeds', async () => {
    const organization = await anOrganization();
    const other = otherWriter(file, organization.id, 'Renamed by another process', 1500);
    await other.locked;

    const read = await post(ORGANIZATION, { id: organization.id });
    expect(read.errors).toBeUndefined();
    // The read did not wait for the other writer: it saw the name as last committed.
    expect(read.data.organization.name).toBe(organization.name);
    expect(other.committed()).toBe(false);

    const written = await post(REGISTER, { i: { name: 'Red que espera su turno', kind: 'NGO', country: 'GT' } }, member);
    expect(written.errors).toBeUndefined();
    await other.done;

    // Both writes are there.
    expect((await post(ORGANIZATION, { id: organization.id })).data.organization.name).toBe('Renamed by another process');
    const mine = await post(ORGANIZATION, { id: written.data.registerOrganization.id }, member);
    expect(mine.data.organization.name).toBe('Red que espera su turno');
  });

  it('a lock held past the busy timeout: the write is refused as SERVICE_UNAVAILABLE, leaves nothing, and a retry succeeds', async () => {
    const organization = await anOrganization();
    const other = otherWriter(file, organization.id, 'Held too long by another process', 6500);
    await other.locked;
    const name = 'Red que reintenta';

    const refused = await post(REGISTER, { i: { name, kind: 'NGO', country: 'GT' } }, member);
    expect(refused.data?.registerOrganization ?? null).toBeNull();
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', service: 'organizations' });
    expect(refused.errors![0].message).not.toMatch(/SQLITE|database is locked/i);
    await other.done;

    const rows = await subgraph.db.query('SELECT COUNT(*) AS n FROM organizations WHERE name = ?', [name]);
    expect(Number(rows[0].n)).toBe(0);
    const retried = await post(REGISTER, { i: { name, kind: 'NGO', country: 'GT' } }, member);
    expect(retried.errors).toBeUndefined();
    expect(retried.data.registerOrganization.name).toBe(name);
  }, 20_000);
});
