import type { DataSource, QueryRunner } from 'typeorm';
import { queryArrays } from './database';
import { engineOf, folded, foldedWords, STEMS_COLUMN, type FullTextTable, type SearchTerm } from './full-text';

/**
 * MySQL: the search postings of a table with a scope column (services, by country): one row per scope value,
 * term and row, with the term's weight in that row. InnoDB's FULLTEXT answers each hit with a lookup of its
 * own (4 to 5 µs a hit: 55 ms for "atención víctimas" in Mexico, 3,738 hits), so a common word within a
 * country cost its hits twice, once to filter and once to rank. Postings are a B-tree range per term, read
 * in order, and the rank comes with them.
 *
 * - A row is named in its postings by its document number, SEARCH_DOC: an integer column the store numbers
 *   itself (AUTO_INCREMENT), 4 bytes where the id takes 36, so tens of thousands of them are cheap to read,
 *   send and compare. The list's filter reads them from its index (paginateMatches in keyset.ts).
 * - A term is a folded word of a title column (weight 2), of a body column (weight 1), or a token of the
 *   stems column (weight 0: a stem, a short or dashed token, a place, a language). A term in several places
 *   keeps its highest weight.
 * - The postings are written by refreshSearchStems, which every write of a searched column calls inside its
 *   transaction (docs/search.md#word-forms), so a write path's rows never lag. Rows written otherwise are
 *   noted by triggers and caught up by the next search (refreshStalePostings). The rows a search finds are
 *   read again from the table through the list's filter, so a row gone or hidden leaves no result.
 * - SQLite needs none: an FTS5 lookup reads no row per hit.
 */
export const postingsTable = (index: FullTextTable) => `${index.table}_postings`;

/** The column of a table with postings that numbers its rows for them. */
export const SEARCH_DOC = 'search_doc';

/** Whether searches of this table within one scope value read postings on this store. */
export function hasPostings(db: DataSource, index: FullTextTable): boolean {
  return engineOf(db) === 'mysql' && index.scope !== undefined && index.stems !== undefined;
}

const ready = new WeakMap<DataSource, Set<string>>();

/**
 * Whether the store has the table's postings now: true from the migration that makes them on (an earlier
 * migration computes stems before the table exists). Only a found table is remembered.
 */
export async function postingsReady(runner: Pick<QueryRunner, 'query' | 'connection'>, index: FullTextTable): Promise<boolean> {
  if (!hasPostings(runner.connection, index)) return false;
  const known = ready.get(runner.connection) ?? new Set<string>();
  ready.set(runner.connection, known);
  if (known.has(index.table)) return true;
  const found = (await runner.query('SELECT 1 AS found FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?', [
    postingsTable(index),
  ])) as unknown[];
  if (found.length > 0) known.add(index.table);
  return found.length > 0;
}

const TITLE = 2;
const TEXT = 1;
const OTHER = 0;

/** What a row's postings are made of: its scope value, its texts and its stems column (stemsDocument). */
export interface PostingSource {
  doc: number;
  scope: string;
  titles: (string | null)[];
  bodies: (string | null)[];
  stems: string;
}

function postingsOf(row: PostingSource): (string | number)[][] {
  const weights = new Map<string, number>();
  const put = (term: string, weight: number) => {
    if ((weights.get(term) ?? -1) < weight) weights.set(term, weight);
  };
  for (const token of row.stems.split(' ')) if (token !== '') put(token, OTHER);
  for (const text of row.bodies) for (const word of foldedWords(text)) put(word, TEXT);
  for (const text of row.titles) for (const word of foldedWords(text)) put(word, TITLE);
  return [...weights].map(([term, weight]) => [row.scope, term, row.doc, weight]);
}

/** Postings per INSERT: 4 parameters each, well under the packet and placeholder limits. */
const INSERT_BATCH = 2000;

type Runner = Pick<QueryRunner, 'query'>;

const placeholders = (values: unknown[]) => values.map(() => '?').join(', ');

/**
 * Replaces the postings of these rows by what they hold now (inside the transaction that wrote them), and
 * drops those of `gone` (documents no longer in the table); the rows are no longer stale.
 */
export async function writePostings(runner: Runner, index: FullTextTable, rows: PostingSource[], gone: number[] = []): Promise<void> {
  const docs = [...rows.map((row) => row.doc), ...gone];
  if (docs.length === 0) return;
  const table = postingsTable(index);
  await runner.query(`DELETE FROM ${table} WHERE doc IN (${placeholders(docs)})`, docs);
  await runner.query(`DELETE FROM ${staleTable(index)} WHERE doc IN (${placeholders(docs)})`, docs);
  const values = rows.flatMap(postingsOf);
  for (let i = 0; i < values.length; i += INSERT_BATCH) {
    const batch = values.slice(i, i + INSERT_BATCH);
    await runner.query(
      `INSERT INTO ${table} (scope, term, doc, weight) VALUES ${batch.map(() => '(?, ?, ?, ?)').join(', ')}`,
      batch.flat(),
    );
  }
}

/**
 * The rows whose postings may lag them: a trigger notes every row inserted, deleted, or updated in a
 * column the postings are made of, by any statement (a write path, a migration, SQL by hand);
 * writePostings clears what it rewrote. A write path rewrites its rows in its own transaction, so they
 * are never seen stale; the rest are rewritten by the next search (refreshStalePostings).
 */
export const staleTable = (index: FullTextTable) => `${index.table}_postings_stale`;

/** The columns a row's postings are made of. */
const sourceColumns = (index: FullTextTable) => [SEARCH_DOC, index.scope!, ...index.titles, ...index.bodies, STEMS_COLUMN];

async function createStaleTriggers(queryRunner: QueryRunner, index: FullTextTable): Promise<void> {
  const stale = staleTable(index);
  await queryRunner.query(`CREATE TABLE ${stale} (doc INT UNSIGNED NOT NULL PRIMARY KEY) ENGINE=InnoDB`);
  const note = (row: 'NEW' | 'OLD') => `INSERT IGNORE INTO ${stale} (doc) VALUES (${row}.${SEARCH_DOC})`;
  // BINARY: a change of case or accents alone is a change (the collation would call the values equal).
  const same = sourceColumns(index)
    .map((column) => `BINARY NEW.${column} <=> BINARY OLD.${column}`)
    .join(' AND ');
  await queryRunner.query(`CREATE TRIGGER ${stale}_insert AFTER INSERT ON ${index.table} FOR EACH ROW ${note('NEW')}`);
  await queryRunner.query(
    `CREATE TRIGGER ${stale}_update AFTER UPDATE ON ${index.table} FOR EACH ROW IF NOT (${same}) THEN ${note('NEW')}; END IF`,
  );
  await queryRunner.query(`CREATE TRIGGER ${stale}_delete AFTER DELETE ON ${index.table} FOR EACH ROW ${note('OLD')}`);
}

/** Stale rows rewritten per transaction when a search finds some. */
const STALE_BATCH = 500;
/** At most this many batches per search: a bulk load by hand is caught up over the next searches. */
const STALE_BATCHES = 20;

/**
 * Rewrites the postings of stale rows (written outside the write paths) before a search reads them, so a
 * search follows any committed write of the texts or the scope, as FULLTEXT did. One search at a time
 * rewrites them (a named lock); the others wait for it, at most a few seconds, then read what is there.
 */
export async function refreshStalePostings(db: DataSource, index: FullTextTable): Promise<void> {
  const stale = staleTable(index);
  const pending = await db.query<unknown[]>(`SELECT doc FROM ${stale} LIMIT 1`);
  if (pending.length === 0) return;
  const runner = db.createQueryRunner();
  const lock = `enlace_${stale}`;
  try {
    const [got] = (await runner.query('SELECT GET_LOCK(?, 5) AS got', [lock])) as { got: number | string | null }[];
    if (Number(got?.got) !== 1) return;
    try {
      for (let batch = 0; batch < STALE_BATCHES; batch += 1) {
        const docs = ((await runner.query(`SELECT doc FROM ${stale} ORDER BY doc LIMIT ${STALE_BATCH}`)) as { doc: number | string }[]).map(
          (row) => Number(row.doc),
        );
        if (docs.length === 0) return;
        await runner.startTransaction();
        try {
          const rows = (await runner.query(
            `SELECT ${sourceColumns(index).join(', ')} FROM ${index.table} WHERE ${SEARCH_DOC} IN (${placeholders(docs)})`,
            docs,
          )) as Record<string, string | number | null>[];
          const found = new Set(rows.map((row) => Number(row[SEARCH_DOC])));
          await writePostings(
            runner,
            index,
            rows.map((row) => sourceOf(index, row)),
            docs.filter((doc) => !found.has(doc)),
          );
          await runner.commitTransaction();
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
        if (docs.length < STALE_BATCH) return;
      }
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lock]);
    }
  } finally {
    await runner.release();
  }
}

/** The table's index that a list within one scope value reads in order (services: by country and name). */
export interface ScopeIndex {
  name: string;
  columns: string[];
}

/** Rows read per statement when postings are made for a whole table. */
const REBUILD_BATCH = 1000;

/**
 * The migration's part: the rows' document numbers, then the postings table, filled from the rows (their
 * stems column already computed). The postings' primary key (scope, term, doc) is the order a search reads;
 * their doc index serves writePostings. `scopeIndex` is the table's index that a list within one scope
 * value reads in order (services: by country and name): it gets the document number, so that the read
 * stays within the index.
 */
export async function createPostings(queryRunner: QueryRunner, index: FullTextTable, scopeIndex: ScopeIndex): Promise<void> {
  if (!hasPostings(queryRunner.connection, index)) return;
  const table = postingsTable(index);
  await queryRunner.query(
    `ALTER TABLE ${index.table} ADD COLUMN ${SEARCH_DOC} INT UNSIGNED NOT NULL AUTO_INCREMENT, ` +
      `ADD UNIQUE KEY uq_${index.table}_${SEARCH_DOC} (${SEARCH_DOC}), DROP INDEX ${scopeIndex.name}, ` +
      `ADD INDEX ${scopeIndex.name} (${[...scopeIndex.columns, SEARCH_DOC].join(', ')})`,
  );
  await queryRunner.query(
    `CREATE TABLE ${table} (scope VARCHAR(10) NOT NULL, term VARCHAR(84) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, ` +
      `doc INT UNSIGNED NOT NULL, weight TINYINT NOT NULL, PRIMARY KEY (scope, term, doc), KEY idx_${table}_doc (doc)) ` +
      `ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
  );
  await createStaleTriggers(queryRunner, index);
  const select = `SELECT ${sourceColumns(index).join(', ')} FROM ${index.table}`;
  let after = 0;
  for (;;) {
    const rows = (await queryRunner.query(`${select} WHERE ${SEARCH_DOC} > ? ORDER BY ${SEARCH_DOC} LIMIT ${REBUILD_BATCH}`, [
      after,
    ])) as Record<string, string | number | null>[];
    await writePostings(
      queryRunner,
      index,
      rows.map((row) => sourceOf(index, row)),
    );
    if (rows.length < REBUILD_BATCH) return;
    after = Number(rows[rows.length - 1][SEARCH_DOC]);
  }
}

export async function dropPostings(queryRunner: QueryRunner, index: FullTextTable, scopeIndex: ScopeIndex): Promise<void> {
  if (!hasPostings(queryRunner.connection, index)) return;
  const stale = staleTable(index);
  for (const event of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER IF EXISTS ${stale}_${event}`);
  await queryRunner.query(`DROP TABLE ${stale}`);
  await queryRunner.query(`DROP TABLE ${postingsTable(index)}`);
  await queryRunner.query(
    `ALTER TABLE ${index.table} DROP INDEX ${scopeIndex.name}, ADD INDEX ${scopeIndex.name} (${scopeIndex.columns.join(', ')}), ` +
      `DROP INDEX uq_${index.table}_${SEARCH_DOC}, DROP COLUMN ${SEARCH_DOC}`,
  );
}

/** A row as refreshSearchStems or createPostings read it (document, scope, texts), with its stems (else its stems column). */
export function sourceOf(index: FullTextTable, row: Record<string, string | number | null>, stems?: string): PostingSource {
  const text = (column: string) => (row[column] == null ? null : String(row[column]));
  return {
    doc: Number(row[SEARCH_DOC]),
    scope: text(index.scope!) ?? '',
    titles: index.titles.map(text),
    bodies: index.bodies.map(text),
    stems: stems ?? text(STEMS_COLUMN) ?? '',
  };
}

/**
 * The documents of one scope value that match every term, each with its rank: 2 when every word of the search
 * is in a title column, 1 when every one is in the texts, 0 otherwise, as fullTextSql ranks them (a term
 * of tokens alone does not count for the rank).
 */
export async function postingMatches(
  db: DataSource,
  index: FullTextTable,
  terms: SearchTerm[],
  scope: string,
): Promise<Map<number, number>> {
  await refreshStalePostings(db, index);
  const table = postingsTable(index);
  const statements = terms.map((term) => {
    const words = term.words.map(folded);
    const exactWords = term.prefix ? [] : words;
    const prefixes = term.prefix ? words.map((word) => `${word}%`) : [];
    const others = [...term.tokens, ...(index.stems?.spoken ? term.spoken : [])];
    const wordTests = [...(exactWords.length > 0 ? [`term IN (${placeholders(exactWords)})`] : []), ...prefixes.map(() => 'term LIKE ?')];
    const exact = [...exactWords, ...others];
    const tests = [...(exact.length > 0 ? [`term IN (${placeholders(exact)})`] : []), ...prefixes.map(() => 'term LIKE ?')];
    // Only a word (the last one as a prefix) counts its weight for the rank; a stem, a token or a language counts 0.
    const weight = wordTests.length > 0 ? `CASE WHEN ${wordTests.join(' OR ')} THEN weight ELSE 0 END` : '0';
    return {
      sql: `SELECT doc, ${weight} FROM ${table} WHERE scope = ? AND (${tests.join(' OR ')})`,
      parameters: [...exactWords, ...prefixes, scope, ...exact, ...prefixes],
    };
  });
  // A statement per term, at once on as many connections: one UNION ALL of them went through a temporary
  // table (13.5 against 5.6 ms for "atención víctimas" in Mexico, 16,000 postings).
  const byTerm = await Promise.all(
    statements.map(async ({ sql, parameters }) => {
      const found = new Map<number, number>();
      for (const [doc, w] of await queryArrays(db, sql, parameters)) {
        const weight = Number(w);
        if ((found.get(doc as number) ?? -1) < weight) found.set(doc as number, weight);
      }
      return found;
    }),
  );
  const ranking = byTerm.filter((_, i) => terms[i].words.length > 0);
  const [fewest, ...rest] = [...byTerm].sort((a, b) => a.size - b.size);
  const matches = new Map<number, number>();
  for (const doc of fewest.keys()) {
    if (!rest.every((found) => found.has(doc))) continue;
    let rank = ranking.length === 0 ? 0 : TITLE;
    for (const found of ranking) rank = Math.min(rank, found.get(doc)!);
    matches.set(doc, rank);
  }
  return matches;
}
