import mysql from 'mysql2/promise';
import { SUBGRAPHS } from '../../services/platform/config';
import { databaseName } from '../../services/kit/database';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, TestGraph } from '../helpers/graph';
import { MARIADBD, PrivateMariaDb, startPrivateMariaDb } from '../helpers/mariadb';

const REGISTER = 'mutation ($i: OrganizationInput!) { registerOrganization(input: $i) { id } }';
const READ = '{ country(code: "GT") { name organizations { name } } guidelines(section: PROTECTION) { number } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readyStatus(url: string): Promise<number> {
  return (await fetch(url.replace(/\/graphql$/, '/ready'))).status;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(100);
  }
  return Date.now() - start;
}

// The graph runs on a MariaDB server of the test's own, so that killing it leaves the other suites alone.
(MARIADBD ? describe : describe.skip)('the graph when its MySQL server dies and comes back', () => {
  let database: PrivateMariaDb;
  let graph: TestGraph;
  beforeAll(async () => {
    database = await startPrivateMariaDb();
    graph = await startGraph({ DATABASE_URL: database.url, MUTATION_RATE_LIMIT: '0' });
  }, 120_000);
  afterAll(async () => {
    // Should the test fail while the server is down, the graph still stops; the data directory goes anyway.
    await graph?.stop().catch(() => undefined);
    await database?.remove();
  });

  it('reports not ready and SERVICE_UNAVAILABLE meanwhile, reconnects by itself, and loses no acknowledged write', async () => {
    const member = asViewer(viewer());
    const acknowledged: string[] = [];
    const refusals = new Set<unknown>();
    let attempts = 0;
    let writing = true;
    // Two clients keep registering organizations through the outage; an id in an answer is a write acknowledged.
    const writer = async (n: number) => {
      while (writing) {
        attempts += 1;
        const { body } = await graph.query(REGISTER, { i: { name: `Red ${n}-${attempts}`, kind: 'NGO', country: 'GT' } }, member);
        if (body.data?.registerOrganization?.id) acknowledged.push(body.data.registerOrganization.id);
        else refusals.add(body.errors?.[0]?.extensions?.code);
        await sleep(5);
      }
    };
    const writers = [writer(1), writer(2)];
    await until(async () => acknowledged.length >= 20, 20_000);

    await database.kill();
    const beforeOutage = acknowledged.length;
    for (const name of SUBGRAPHS) {
      await until(async () => (await readyStatus(graph.subgraphs[name].url)) === 503, 10_000);
    }
    const { status, body, raw } = await graph.query(READ);
    expect(status).toBe(200);
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors!) {
      expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', service: expect.stringMatching(new RegExp(SUBGRAPHS.join('|'))) });
      expect(error.message).toMatch(/database/);
    }
    expect(raw).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|QueryFailedError|\bat /);

    // The server comes back on its own port (as systemd or docker would restart it); nothing else restarts.
    await database.start();
    for (const name of SUBGRAPHS) {
      await until(async () => (await readyStatus(graph.subgraphs[name].url)) === 200, 15_000);
    }
    await until(async () => acknowledged.length >= beforeOutage + 20, 20_000);
    writing = false;
    await Promise.all(writers);
    // The writes tried during the outage were refused as such, never as an internal error.
    expect([...refusals]).toEqual(['SERVICE_UNAVAILABLE']);

    const full = await graph.query(READ);
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data.country.organizations.length).toBeGreaterThan(0);
    expect(full.body.data.guidelines.length).toBeGreaterThan(0);

    // Every organization whose id a client was given is in the database after the crash.
    const connection = await mysql.createConnection(database.url);
    try {
      const table = `\`${databaseName(graph.config, 'organizations')}\`.organizations`;
      const [rows] = await connection.query(`SELECT id FROM ${table} WHERE id IN (?)`, [acknowledged]);
      expect((rows as { id: string }[]).map((row) => row.id).sort()).toEqual([...acknowledged].sort());
    } finally {
      await connection.end();
    }
  }, 120_000);
});
