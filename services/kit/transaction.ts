import type { DataSource, EntityManager } from 'typeorm';

const queues = new WeakMap<DataSource, Promise<unknown>>();
const SINGLE_CONNECTION = new Set<string>(['better-sqlite3', 'sqlite']);

/**
 * `db.transaction(work)`, made safe for concurrent requests on SQLite. TypeORM's better-sqlite3 driver has
 * a single connection, so a second transaction started while one is open fails ("cannot start a
 * transaction within a transaction"): on SQLite the transactions of one data source run one after the
 * other. MySQL gives each transaction a pooled connection of its own and needs no queue.
 */
export function inTransaction<T>(db: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (!SINGLE_CONNECTION.has(db.options.type)) return db.transaction(work);
  const previous = queues.get(db) ?? Promise.resolve();
  const result = previous.then(() => db.transaction(work));
  queues.set(
    db,
    result.catch(() => undefined),
  );
  return result;
}

/** Whether a write failed on a unique key (MySQL's ER_DUP_ENTRY, SQLite's SQLITE_CONSTRAINT_UNIQUE): a concurrent write got there first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
