import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { SUBGRAPHS } from '../../services/platform/config';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, TestGraph } from '../helpers/graph';
import { MARIADBD, PrivateMariaDb, startPrivateMariaDb } from '../helpers/mariadb';

/**
 * docker-compose.yml connects the subgraphs as the user 'enlace' with only the rights of
 * scripts/mysql-user.sql, not as root. Here the same file is run on a MariaDB server of the test's own,
 * as the mysql image runs it on its first start, and the whole graph runs as that user.
 */
const GRANTS = fs.readFileSync(path.join(__dirname, '..', '..', 'scripts', 'mysql-user.sql'), 'utf8');
const PASSWORD = 'a password of the enlace user';

/** The file's statements, without its comments. */
function statements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.startsWith('--'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}

(MARIADBD ? describe : describe.skip)('the graph on MySQL as the least-privileged user of scripts/mysql-user.sql', () => {
  let database: PrivateMariaDb;
  let graph: TestGraph;
  let enlaceUrl: string;

  beforeAll(async () => {
    database = await startPrivateMariaDb();
    const root = await mysql.createConnection(database.url);
    try {
      // What the mysql image does with MYSQL_USER and MYSQL_PASSWORD before it runs the init files.
      await root.query(`CREATE USER 'enlace'@'%' IDENTIFIED BY '${PASSWORD}'`);
      for (const statement of statements(GRANTS)) await root.query(statement);
    } finally {
      await root.end();
    }
    const url = new URL(database.url);
    url.username = 'enlace';
    url.password = PASSWORD;
    enlaceUrl = url.toString();
    // The production prefix: the rights name the databases, not a pattern.
    graph = await startGraph({ DATABASE_URL: enlaceUrl, DATABASE_PREFIX: 'enlace_' });
  }, 120_000);
  afterAll(async () => {
    await graph?.stop();
    await database?.remove();
  });

  it('grants one database per subgraph, each named literally', () => {
    const granted = statements(GRANTS).map((statement) => /^GRANT ALL PRIVILEGES ON `([^`]+)`\.\* TO 'enlace'@'%'$/.exec(statement)?.[1]);
    expect(granted).toEqual(SUBGRAPHS.map((name) => `enlace\\_${name}`));
  });

  it('creates and migrates every database, and serves reads and writes', async () => {
    const read = await graph.query(
      '{ country(code: "GT") { name organizations { name } practices { title } } guidelines(section: PROTECTION) { number } }',
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.country.organizations.length).toBeGreaterThan(0);
    expect(read.body.data.guidelines.length).toBeGreaterThan(0);

    const member = asViewer(viewer());
    const written = await graph.query(
      'mutation($i: OrganizationInput!) { registerOrganization(input: $i) { id name } }',
      { i: { name: 'Red con permisos justos', kind: 'NGO', country: 'GT' } },
      member,
    );
    expect(written.body.errors).toBeUndefined();
    expect(written.body.data.registerOrganization.name).toBe('Red con permisos justos');
  });

  it('may not touch anything else on the server', async () => {
    const enlace = await mysql.createConnection(enlaceUrl);
    try {
      await expect(enlace.query('CREATE DATABASE enlace_other')).rejects.toMatchObject({ code: 'ER_DBACCESS_DENIED_ERROR' });
      await expect(enlace.query('CREATE DATABASE enlaceXaccounts')).rejects.toMatchObject({ code: 'ER_DBACCESS_DENIED_ERROR' });
      await expect(enlace.query('SELECT user FROM mysql.user')).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
      await expect(enlace.query("CREATE USER 'intruder'@'%'")).rejects.toMatchObject({ code: 'ER_SPECIFIC_ACCESS_DENIED_ERROR' });
      const [databases] = await enlace.query('SHOW DATABASES');
      const names = (databases as { Database: string }[]).map((row) => row.Database).filter((name) => name !== 'information_schema');
      expect(names.sort()).toEqual(SUBGRAPHS.map((name) => `enlace_${name}`).sort());
    } finally {
      await enlace.end();
    }
  });
});
