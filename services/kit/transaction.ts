import type { DataSource, EntityManager } from 'typeorm';
import { announceWrite, raiseWriteGeneration, tracksWrites } from './write-generation';

const queues = new WeakMap<DataSource, Promise<unknown>>();
const SINGLE_CONNECTION = new Set<string>(['better-sqlite3', 'sqlite']);

/**
 * A write that changes nothing, first in every SQLite transaction: it takes the file's write lock at once,
 * waiting for another process's writer as the busy timeout allows, as BEGIN IMMEDIATE would (TypeORM only
 * sends BEGIN). A transaction that read first and wrote later would instead be refused outright
 * (SQLITE_BUSY_SNAPSHOT) whenever another process committed in between: its snapshot is stale, and no wait
 * can help. Every subgraph's file has TypeORM's `migrations` table.
 */
const TAKE_WRITE_LOCK = 'DELETE FROM migrations WHERE 0';

export interface TransactionOptions {
  /**
   * False for a write that no anonymous answer can show (the shelter access log, read by members and the
   * Secretariat only): it leaves the store's write generation, so the gateway's cached answers stay valid.
   */
  raisesWriteGeneration?: boolean;
}

/**
 * `db.transaction(work)`, made safe for concurrent requests on SQLite. TypeORM's better-sqlite3 driver has
 * a single connection, so a second transaction started while one is open fails ("cannot start a
 * transaction within a transaction"): on SQLite the transactions of one data source run one after the
 * other, each holding the file's write lock from its start (TAKE_WRITE_LOCK). MySQL gives each transaction
 * a pooled connection of its own and needs no queue. A write that raises the generation returns once the
 * gateways watching it know (announceWrite).
 */
export function inTransaction<T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const raises = tracksWrites(db) && options.raisesWriteGeneration !== false;
  if (!raises) return run(db, work);
  // Committed: the answer waits until the gateways watching the generation know it moved (kit/write-generation.ts).
  return run(db, withWriteGeneration(work)).then(async (result) => {
    await announceWrite(db);
    return result;
  });
}

/** The transaction itself: one after the other on SQLite, run again after a deadlock on MySQL. */
function run<T>(db: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (!SINGLE_CONNECTION.has(db.options.type)) return withDeadlockRetries(() => db.transaction(work));
  const previous = queues.get(db) ?? Promise.resolve();
  const result = previous.then(() =>
    db.transaction(async (manager) => {
      await manager.query(TAKE_WRITE_LOCK);
      return work(manager);
    }),
  );
  queues.set(
    db,
    result.catch(() => undefined),
  );
  return result;
}

/** The work, then the store's write generation raised as the transaction's last statement (kit/write-generation.ts). */
function withWriteGeneration<T>(work: (manager: EntityManager) => Promise<T>): (manager: EntityManager) => Promise<T> {
  return async (manager) => {
    const result = await work(manager);
    await raiseWriteGeneration(manager);
    return result;
  };
}

/** How many times a transaction MySQL chose as a deadlock's victim runs in all. */
const DEADLOCK_ATTEMPTS = 3;

/**
 * MySQL breaks a deadlock by rolling one transaction back whole ("try restarting transaction"): nothing of
 * it was written, so it runs again, at most DEADLOCK_ATTEMPTS times in all. `work` must not act outside the
 * database before it may be repeated (the subgraphs' writes only read other subgraphs, which is harmless).
 */
async function withDeadlockRetries<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}

/** Whether MySQL rolled the transaction back to break a deadlock (ER_LOCK_DEADLOCK, errno 1213). */
export function isDeadlock(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  return code === 'ER_LOCK_DEADLOCK';
}

/** Whether a write failed on a unique key (MySQL's ER_DUP_ENTRY, SQLite's SQLITE_CONSTRAINT_UNIQUE): a concurrent write got there first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
