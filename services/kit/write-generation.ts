import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { sendJson } from '../platform/http';
import { verifyFeedKey } from '../platform/feed-key';
import { GENERATION_ROUTE, heldGeneration, reaches, WATCH_HOLD_MS, WATCH_LEASE_MS } from '../platform/write-generation-route';

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

/** One gateway process watching this subgraph's generation (services/platform/write-generation-route.ts). */
interface Watcher {
  /** When its latest request arrived: no lease it holds runs past this + WATCH_LEASE_MS. */
  seen: number;
  /** The generation it said it holds in that request. */
  holds: string;
  /** That request, held open until the generation moves or WATCH_HOLD_MS pass. */
  open?: { res: ServerResponse; timer: NodeJS.Timeout };
}

/**
 * The watchers of one store's generation, and the writes waiting for them. A write's answer waits (inTransaction,
 * through announceWrite) until each watcher whose lease may still run holds the new generation, or until that
 * lease has run out; a process younger than a lease also waits out its first one, since a gateway may still hold
 * a lease granted by the process it replaced.
 */
class GenerationWatch {
  private readonly watchers = new Map<string, Watcher>();
  /** Writes waiting for acknowledgements: each checks again when a watcher asks. */
  private readonly waiting = new Set<() => void>();
  /** The latest generation read or announced. */
  private latest = '';

  constructor(private readonly db: DataSource) {}

  /** A watcher's request: answered at once when `after` is not the generation, else held open. */
  async request(id: string, after: string, res: ServerResponse): Promise<void> {
    const watcher: Watcher = this.watchers.get(id) ?? { seen: 0, holds: '' };
    this.watchers.set(id, watcher);
    const arrived = performance.now();
    watcher.seen = arrived;
    watcher.holds = after;
    // It asked again (on another connection, after a timeout of its own): the older request is answered now.
    if (watcher.open) this.answer(watcher, this.latest);
    for (const check of [...this.waiting]) check();
    const current = await this.read();
    if (res.writableEnded) return;
    // Moved, or the watcher asked again meanwhile (its newer request is the one held): answered now.
    if (current !== after || watcher.seen !== arrived) return void sendJson(res, 200, this.body(current));
    const timer = setTimeout(() => {
      this.read().then(
        (now) => this.answer(watcher, now),
        () => this.answer(watcher, this.latest),
      );
    }, WATCH_HOLD_MS);
    watcher.open = { res, timer };
    res.once('close', () => {
      if (watcher.open?.res !== res) return;
      clearTimeout(timer);
      watcher.open = undefined;
    });
  }

  /** After a write committed: every watcher told, then held until each acknowledged or its lease ran out. */
  async afterWrite(): Promise<void> {
    const young = performance.now() < WATCH_LEASE_MS;
    this.prune();
    if (this.watchers.size === 0 && !young) return;
    // A store that does not answer now: no watcher can be told, so each lease runs out.
    const generation = await this.read().catch(() => '');
    if (generation)
      for (const watcher of this.watchers.values()) if (watcher.open && watcher.holds !== generation) this.answer(watcher, generation);
    await new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const check = () => {
        const now = performance.now();
        let until = young ? WATCH_LEASE_MS : 0;
        for (const watcher of this.watchers.values()) {
          if (!generation || !reaches(watcher.holds, generation)) until = Math.max(until, watcher.seen + WATCH_LEASE_MS);
        }
        clearTimeout(timer);
        if (until <= now) {
          this.waiting.delete(check);
          resolve();
        } else timer = setTimeout(check, Math.ceil(until - now));
      };
      this.waiting.add(check);
      check();
    });
  }

  private answer(watcher: Watcher, generation: string): void {
    const open = watcher.open;
    if (!open) return;
    watcher.open = undefined;
    clearTimeout(open.timer);
    if (!open.res.writableEnded) sendJson(open.res, 200, this.body(generation));
  }

  private body(generation: string) {
    const at = generation.lastIndexOf(':');
    return { store: generation.slice(0, at), generation: generation.slice(at + 1) };
  }

  private async read(): Promise<string> {
    const generation = heldGeneration(await readWriteGeneration(this.db));
    // Never back: a read that started before a later one's answer may end after it (another store's id replaces it).
    if (!reaches(this.latest, generation)) this.latest = generation;
    return this.latest;
  }

  /** Forgets watchers whose leases have run out and that wait for nothing. */
  private prune(): void {
    const now = performance.now();
    for (const [id, watcher] of this.watchers) if (!watcher.open && watcher.seen + WATCH_LEASE_MS < now) this.watchers.delete(id);
  }
}

const watches = new WeakMap<DataSource, GenerationWatch>();

/** After a write transaction committed (inTransaction): returns once the watching gateways know of it. */
export function announceWrite(db: DataSource): Promise<void> {
  return watches.get(db)?.afterWrite() ?? Promise.resolve();
}

/** The route of GENERATION_ROUTE: true when it took the request. With `?watcher=`, a watch request. */
export function generationRoute(db: DataSource, feedKey: string): (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean {
  const watch = new GenerationWatch(db);
  watches.set(db, watch);
  return (req, res, pathname) => {
    if (pathname !== GENERATION_ROUTE || !tracksWrites(db)) return false;
    (async () => {
      verifyFeedKey(req.headers.authorization, feedKey);
      const search = new URL(req.url ?? '/', 'http://subgraph').searchParams;
      const watcher = search.get('watcher');
      if (watcher) await watch.request(watcher.slice(0, 100), search.get('after') ?? '', res);
      else sendJson(res, 200, await readWriteGeneration(db));
    })().catch((error: unknown) => {
      if (res.headersSent) return void res.end();
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
