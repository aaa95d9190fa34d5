import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type QueryRunner } from 'typeorm';
import type { Config, SubgraphName } from '../platform/config';
import { restrictSqliteFiles } from './sqlite-files';
import { StatementCounter, countStatements } from './statements';

/** A subgraph's entity classes and migration classes, as TypeORM takes them. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;
export type MigrationList = NonNullable<DataSourceOptions['migrations']>;

export interface DatabaseOptions {
  service: SubgraphName;
  entities: EntityList;
  migrations: MigrationList;
}

export function databaseName(config: Config, service: SubgraphName): string {
  return `${config.databasePrefix}${service}`;
}

async function ensureMysqlDatabase(url: string, name: string): Promise<void> {
  const connection = await mysql.createConnection(url);
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}

/**
 * Opens the subgraph's own store: an SQLite file under DATA_DIR by default, or its own MySQL database
 * (created if missing) when DATABASE_URL is set. Migrations run on open; the schema is never synchronized.
 */
export async function openDatabase(config: Config, options: DatabaseOptions): Promise<DataSource> {
  const counter = new StatementCounter();
  const common = {
    entities: options.entities,
    migrations: options.migrations,
    migrationsRun: true,
    synchronize: false,
    logger: counter,
    logging: ['query' as const],
  };
  let dataSource: DataSource;
  let sqliteFile: string | null = null;
  if (config.databaseUrl) {
    const name = databaseName(config, options.service);
    await ensureMysqlDatabase(config.databaseUrl, name);
    const url = new URL(config.databaseUrl);
    url.pathname = `/${name}`;
    dataSource = new DataSource({
      type: 'mysql',
      url: url.toString(),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      poolSize: 10,
      ...common,
    });
  } else {
    // A directory made here is the owner's only; one the operator made keeps its mode.
    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    sqliteFile = path.join(config.dataDir, `${options.service}.sqlite`);
    restrictSqliteFiles(sqliteFile);
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: sqliteFile,
      enableWAL: true,
      timeout: 5000,
      // SQLite keeps the pages it reads and writes in its own cache, 16 MB per connection as better-sqlite3
      // builds it: a growing file grew the process with it (the soak's organizations subgraph, by its
      // writes, about 0.5 MB a minute). SQLITE_CACHE_MB bounds it; the operating system caches the
      // file anyway, and bench:search measured the same latencies with 2, 4 and 16 MB.
      prepareDatabase: (connection: { pragma: (source: string) => unknown }) => {
        connection.pragma(`cache_size = -${config.sqliteCacheMb * 1024}`);
      },
      ...common,
    });
    bindNumbers(dataSource);
  }
  await dataSource.initialize();
  if (sqliteFile) restrictSqliteFiles(sqliteFile);
  countStatements(dataSource, counter);
  return dataSource;
}

/**
 * SQLite: numbers given to a query builder are bound as parameters, as strings, dates and lists already
 * are. TypeORM's SQLite driver writes a number into the SQL text instead, so each new value made a new
 * statement: an event id, a point and a radius, a cursor's distance. better-sqlite3 prepares each one;
 * TypeORM keeps the last hundred and drops the rest, whose native memory returns only when V8 happens
 * to collect their small JS wrappers. Under the soak's steady writes the agreements subgraph prepared a
 * thousand statements a minute (one per event) and its RSS outside the JS heap grew by about 1 MB a
 * minute. A number bound as a parameter reaches SQLite as a REAL; column affinity makes it compare and
 * store as an INTEGER where the column is one, and LIMIT accepts a whole REAL.
 *
 * This wraps a TypeORM internal: typeorm is pinned to an exact version (package.json), and
 * test/kit/typeorm-patch.test.ts fails when the wrapped function is not the one this was written against.
 */
function bindNumbers(dataSource: DataSource): void {
  const { driver } = dataSource;
  const escape = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (sql, parameters) => {
    const numbers = Object.keys(parameters ?? {}).filter((key) => typeof parameters[key] === 'number');
    if (numbers.length === 0) return escape(sql, parameters);
    // As a one-item list (`:...key`), a number becomes a bound parameter like any list item.
    const listed = sql.replaceAll(/:(\.\.\.)?([A-Za-z0-9_.]+)/g, (whole: string, spread: string | undefined, key: string) =>
      !spread && numbers.includes(key) ? `:...${key}` : whole,
    );
    const boxed = { ...parameters };
    for (const key of numbers) boxed[key] = [parameters[key]];
    return escape(listed, boxed);
  };
}

/** The mysql2 connection a TypeORM query runner holds. */
interface MysqlConnection {
  query(options: { sql: string; values: unknown[]; rowsAsArray: boolean }, callback: (error: Error | null, rows: unknown) => void): void;
}

/**
 * A statement's rows as arrays of values in the order selected, not objects: for statements of thousands of
 * rows (a search's postings, the ids of a list), which mysql2 reads a third faster so (13 against 20 ms for
 * 16,000 rows of three values). On MySQL through TypeORM's pool, or the runner given (a transaction's), and
 * logged to its logger like any statement (the per-request statement counts read it); on SQLite, db.query.
 */
export async function queryArrays(db: DataSource, sql: string, parameters: unknown[], given?: QueryRunner): Promise<unknown[][]> {
  if (db.options.type !== 'mysql') {
    const rows = await db.query<Record<string, unknown>[]>(sql, parameters, given);
    return rows.map((row) => Object.values(row));
  }
  const runner = given ?? db.createQueryRunner();
  try {
    const connection = (await runner.connect()) as MysqlConnection;
    db.logger.logQuery(sql, parameters, runner);
    return await new Promise<unknown[][]>((resolve, reject) =>
      connection.query({ sql, values: parameters, rowsAsArray: true }, (error, rows) =>
        error ? reject(error) : resolve(rows as unknown[][]),
      ),
    );
  } finally {
    if (!given) await runner.release();
  }
}
