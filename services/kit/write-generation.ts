import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { sendJson } from '../platform/http';
import { verifyFeedKey } from '../platform/feed-key';
import { GENERATION_ROUTE } from '../platform/write-generation-route';

/**
 * A subgraph's write generation: one counter row, raised by every write transaction as its last statement
 * (inTransaction), so it grows exactly when a write commits. The gateway's response cache
 * (gateway/response-cache.ts) reads it before serving a stored answer: an unchanged generation means no
 * write committed since the answer was made. Raised last, the row's lock is held only while the
 * transaction commits (no other row is locked after it: no deadlock through it), and like the event logs'
 * counter rows (agreement_event_sequence) it orders the commits that take it.
 */
export const WRITE_GENERATION_TABLE = 'write_generation';

export { GENERATION_ROUTE };

export class WriteGeneration1765600000000 implements MigrationInterface {
  name = 'WriteGeneration1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE ${WRITE_GENERATION_TABLE} (id INTEGER NOT NULL PRIMARY KEY, n BIGINT NOT NULL, store_id VARCHAR(36) NOT NULL)`,
    );
    // The store's own name: a generation of another store (a subgraph pointed at other data) never matches it.
    await queryRunner.query(`INSERT INTO ${WRITE_GENERATION_TABLE} (id, n, store_id) VALUES (1, 0, ?)`, [randomUUID()]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${WRITE_GENERATION_TABLE}`);
  }
}

const tracked = new WeakMap<DataSource, boolean>();

/** Whether this store has the counter (its subgraph lists the migration; a store opened without it has none). */
export function tracksWrites(db: DataSource): boolean {
  let found = tracked.get(db);
  if (found === undefined) {
    found = db.migrations.some((migration) => migration instanceof WriteGeneration1765600000000);
    tracked.set(db, found);
  }
  return found;
}

/** Raises the generation: inside a write transaction (its last statement), or alone (a subgraph's start). */
export async function raiseWriteGeneration(runner: Pick<EntityManager, 'query'>): Promise<void> {
  await runner.query(`UPDATE ${WRITE_GENERATION_TABLE} SET n = n + 1 WHERE id = 1`);
}

/** The store's id and its generation. */
export async function readWriteGeneration(db: DataSource): Promise<{ store: string; generation: string }> {
  const rows = await db.query<{ n: number | string; store_id: string }[]>(`SELECT n, store_id FROM ${WRITE_GENERATION_TABLE} WHERE id = 1`);
  return { store: String(rows[0]?.store_id ?? ''), generation: String(rows[0]?.n ?? 0) };
}

/** The route of GENERATION_ROUTE: true when it took the request. */
export function generationRoute(db: DataSource, feedKey: string): (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean {
  return (req, res, pathname) => {
    if (pathname !== GENERATION_ROUTE || !tracksWrites(db)) return false;
    (async () => {
      verifyFeedKey(req.headers.authorization, feedKey);
      sendJson(res, 200, await readWriteGeneration(db));
    })().catch((error: unknown) => {
      const { message, extensions } = error as { message: string; extensions?: { code?: string; http?: { status?: number } } };
      const status = extensions?.http?.status ?? 503;
      sendJson(res, status, {
        errors: [
          {
            message: status === 503 ? 'The store did not answer.' : message,
            extensions: { code: extensions?.code ?? 'SERVICE_UNAVAILABLE' },
          },
        ],
      });
    });
    return true;
  };
}
