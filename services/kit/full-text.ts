import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Full-text search behind one interface for both engines: an FTS5 table on SQLite, FULLTEXT indexes on
 * MySQL/MariaDB (InnoDB). Both fold case and accents (FTS5's unicode61 with remove_diacritics 2; InnoDB
 * compares tokens with the column's utf8mb4_unicode_ci collation), every word must match, the last one
 * as a prefix.
 */

/** InnoDB does not index words under innodb_ft_min_token_size (3): shorter ones are dropped on both engines alike. */
export const MIN_WORD_LENGTH = 3;
/** InnoDB's innodb_ft_max_token_size: a longer word could never match there. */
const MAX_WORD_LENGTH = 84;
/** Each word is one more index lookup: a bound keeps a hostile search cheap. */
export const MAX_WORDS = 8;

/** A table indexed for search: a hit in `titles` ranks above one in `bodies` only. */
export interface FullTextTable {
  table: string;
  titles: string[];
  bodies: string[];
  /**
   * MySQL: a column that a search is often narrowed by (a country). A stored generated column,
   * SCOPED_DOCUMENT, holds every word of the row prefixed with that column's value ("pe_empleo"), under a
   * FULLTEXT index of its own: a search within one value then reads only that value's postings. InnoDB
   * answers each hit with a row lookup, so a common word in the whole table cost as many lookups as it
   * has rows in every country.
   */
  scope?: string;
}

/** SQL to filter by a search and to rank its hits (1: every word in a title column, 0: otherwise). */
export interface FullTextSql {
  where: string;
  rank: string;
  parameters: Record<string, string>;
}

export type Engine = 'sqlite' | 'mysql';

export const SCOPED_DOCUMENT = 'search_document';
/** The separator of a scoped word: InnoDB's parser keeps `_` inside a word. */
const SCOPE_SEPARATOR = '_';

export function engineOf(db: DataSource): Engine {
  return db.options.type === 'mysql' || db.options.type === 'mariadb' ? 'mysql' : 'sqlite';
}

/**
 * The searchable words of a term, lower case: runs of letters, marks and digits. Everything else (quotes,
 * `*`, `-`, `;`...) only separates words, so no FTS or SQL syntax can come through; the words are
 * quoted (FTS5) or are plain tokens (MySQL boolean mode), so `AND` or `NOT` is just a word.
 * An empty list means there is nothing to search for: the callers then match nothing.
 */
export function searchWords(term: string): string[] {
  const runs =
    term
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const words = runs.filter((word) => [...word].length >= MIN_WORD_LENGTH && [...word].length <= MAX_WORD_LENGTH);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

export const ftsTable = (table: string) => `${table}_fts`;

function ftsQuery(words: string[]): string {
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

function booleanQuery(words: string[]): string {
  return words.map((word, i) => `+${word}${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** The words of a search within one value of the scope column, as the scoped document holds them; null if one would be too long. */
function scopedWords(scope: string, words: string[]): string[] | null {
  const scoped = words.map((word) => `${scope.toLowerCase()}${SCOPE_SEPARATOR}${word}`);
  return scoped.every((word) => [...word].length <= MAX_WORD_LENGTH) ? scoped : null;
}

/**
 * The filter and rank of a search over `index`, for rows of the query alias `alias`; `words` is not empty.
 * `scope`: the value of the index's scope column the caller also filters by, if any (MySQL then searches
 * the scoped document).
 */
export function fullTextSql(db: DataSource, index: FullTextTable, alias: string, words: string[], scope?: string | null): FullTextSql {
  const name = (suffix: string) => `ft_${alias}_${suffix}`;
  if (engineOf(db) === 'mysql') {
    const all = [...index.titles, ...index.bodies].map((c) => `${alias}.${c}`).join(', ');
    const titles = index.titles.map((c) => `${alias}.${c}`).join(', ');
    const against = (parameter: string) => `AGAINST (:${name(parameter)} IN BOOLEAN MODE)`;
    const rank = `(CASE WHEN MATCH(${titles}) ${against('q')} THEN 1 ELSE 0 END)`;
    const scoped = index.scope && scope ? scopedWords(scope, words) : null;
    if (scoped) {
      return {
        where: `MATCH(${alias}.${SCOPED_DOCUMENT}) ${against('s')}`,
        rank,
        parameters: { [name('q')]: booleanQuery(words), [name('s')]: booleanQuery(scoped) },
      };
    }
    return { where: `MATCH(${all}) ${against('q')}`, rank, parameters: { [name('q')]: booleanQuery(words) } };
  }
  const fts = ftsTable(index.table);
  const hits = (parameter: string) => `${alias}.rowid IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH :${parameter})`;
  return {
    where: hits(name('q')),
    rank: `(CASE WHEN ${hits(name('t'))} THEN 1 ELSE 0 END)`,
    parameters: {
      [name('q')]: ftsQuery(words),
      [name('t')]: `{${index.titles.join(' ')}} : (${ftsQuery(words)})`,
    },
  };
}

/**
 * Creates the search index of a table, filled from the rows already there. SQLite: an external-content
 * FTS5 table over the row's rowid, kept in step by triggers, so every write path (mutations, seeding,
 * scripts) updates it in the same transaction. MySQL: a FULLTEXT index on the titles (for the rank) and
 * one on all the columns (for the filter), built without stopwords: InnoDB's default English list holds
 * words such as "with" or "will" that a search must still find.
 */
export async function createFullTextIndex(queryRunner: QueryRunner, index: FullTextTable): Promise<void> {
  const columns = [...index.titles, ...index.bodies];
  if (engineOf(queryRunner.connection) === 'mysql') {
    await queryRunner.query('SET SESSION innodb_ft_enable_stopword = OFF');
    await queryRunner.query(`CREATE FULLTEXT INDEX ft_${index.table}_titles ON ${index.table} (${index.titles.join(', ')})`);
    await queryRunner.query(`CREATE FULLTEXT INDEX ft_${index.table}_all ON ${index.table} (${columns.join(', ')})`);
    await queryRunner.query('SET SESSION innodb_ft_enable_stopword = ON');
    return;
  }
  const fts = ftsTable(index.table);
  const list = columns.join(', ');
  const values = (row: string) => columns.map((c) => `${row}.${c}`).join(', ');
  const insert = `INSERT INTO ${fts}(rowid, ${list}) VALUES (new.rowid, ${values('new')});`;
  const remove = `INSERT INTO ${fts}(${fts}, rowid, ${list}) VALUES ('delete', old.rowid, ${values('old')});`;
  await queryRunner.query(
    `CREATE VIRTUAL TABLE ${fts} USING fts5(${list}, content='${index.table}', content_rowid='rowid', ` +
      `tokenize='unicode61 remove_diacritics 2')`,
  );
  await queryRunner.query(`CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${index.table} BEGIN ${insert} END`);
  await queryRunner.query(`CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${index.table} BEGIN ${remove} END`);
  await queryRunner.query(`CREATE TRIGGER ${fts}_update AFTER UPDATE OF ${list} ON ${index.table} BEGIN ${remove} ${insert} END`);
  await rebuildFullTextIndex(queryRunner, index.table);
}

/**
 * MySQL: the scoped document of a table and its FULLTEXT index (SQLite needs none: an FTS5 lookup costs no
 * row read per hit). A stored generated column, so that every write path keeps it in step. MariaDB's
 * REGEXP_REPLACE (PCRE) names a group \1, MySQL's (ICU) $1.
 */
export async function createScopedDocument(queryRunner: QueryRunner, index: FullTextTable): Promise<void> {
  if (engineOf(queryRunner.connection) !== 'mysql' || !index.scope) return;
  const [{ version }] = (await queryRunner.query('SELECT VERSION() AS version')) as { version: string }[];
  const group = /mariadb/i.test(version) ? '\\\\1' : '$1';
  const text = `CONCAT_WS(' ', ${[...index.titles, ...index.bodies].join(', ')})`;
  const words = `REGEXP_REPLACE(${text}, '([[:alnum:]_]+)', CONCAT(${index.scope}, '${SCOPE_SEPARATOR}${group}'))`;
  await queryRunner.query(`ALTER TABLE ${index.table} ADD COLUMN ${SCOPED_DOCUMENT} TEXT GENERATED ALWAYS AS (${words}) STORED`);
  await queryRunner.query('SET SESSION innodb_ft_enable_stopword = OFF');
  await queryRunner.query(`CREATE FULLTEXT INDEX ft_${index.table}_scoped ON ${index.table} (${SCOPED_DOCUMENT})`);
  await queryRunner.query('SET SESSION innodb_ft_enable_stopword = ON');
}

export async function dropScopedDocument(queryRunner: QueryRunner, index: FullTextTable): Promise<void> {
  if (engineOf(queryRunner.connection) !== 'mysql' || !index.scope) return;
  await queryRunner.query(`DROP INDEX ft_${index.table}_scoped ON ${index.table}`);
  await queryRunner.query(`ALTER TABLE ${index.table} DROP COLUMN ${SCOPED_DOCUMENT}`);
}

/** Refills an SQLite FTS5 index from its table (after a bulk load, or a VACUUM that renumbered rowids); MySQL needs nothing. */
export async function rebuildFullTextIndex(runner: Pick<QueryRunner, 'query' | 'connection'>, table: string): Promise<void> {
  if (engineOf(runner.connection) === 'mysql') return;
  await runner.query(`INSERT INTO ${ftsTable(table)}(${ftsTable(table)}) VALUES ('rebuild')`);
}

export async function dropFullTextIndex(queryRunner: QueryRunner, index: FullTextTable): Promise<void> {
  if (engineOf(queryRunner.connection) === 'mysql') {
    await queryRunner.query(`DROP INDEX ft_${index.table}_all ON ${index.table}`);
    await queryRunner.query(`DROP INDEX ft_${index.table}_titles ON ${index.table}`);
    return;
  }
  const fts = ftsTable(index.table);
  for (const event of ['insert', 'delete', 'update']) await queryRunner.query(`DROP TRIGGER IF EXISTS ${fts}_${event}`);
  await queryRunner.query(`DROP TABLE IF EXISTS ${fts}`);
}
