import type { DataSource, QueryRunner } from 'typeorm';
import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { languagesNamed } from './language-names';
import { postingsReady, postingsTable, SEARCH_DOC, sourceOf, staleTable, writePostings } from './search-postings';
import { macrolanguageOf } from './languages';
import { countryTextLanguages, STEM_LANGUAGES, stemLanguageOf, type StemLanguage } from './text-languages';

/**
 * Full-text search behind one interface for both engines: an FTS5 table on SQLite, FULLTEXT indexes on
 * MySQL/MariaDB (InnoDB). Both fold case and accents (FTS5's unicode61 with remove_diacritics 2; InnoDB
 * compares tokens with the column's utf8mb4_unicode_ci collation), every word must match, the last one
 * as a prefix.
 */

/** InnoDB does not index words under innodb_ft_min_token_size (3): shorter ones reach the index only as a short token. */
export const MIN_WORD_LENGTH = 3;
/** InnoDB's innodb_ft_max_token_size: a longer word could never match there. */
const MAX_WORD_LENGTH = 84;
/** Each word is one more index lookup: a bound keeps a hostile search cheap. */
export const MAX_WORDS = 8;

/**
 * The stems column of an indexed table (docs/search.md): computed in TypeScript on every write
 * (refreshSearchStems), it holds what the engines cannot derive in SQL: the stems of the words in the
 * text's languages, the short tokens, the place's words and the language tokens.
 */
export const STEMS_COLUMN = 'search_stems';

/** What a table's stems column is computed from. */
export interface StemSource {
  /** How the language of the texts is known: a column holding an ISO 639-3 code, or the country's (text-languages.ts). */
  language: { code: string } | { country: string };
  /** Columns naming a place, whose words are searched as they are (a service's city). */
  places?: string[];
  /** A simple-json column of the ISO 639-3 codes the row is offered in: a search naming one of them finds the row. */
  spoken?: string;
}

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
  /** The table has a STEMS_COLUMN, computed from this. */
  stems?: StemSource;
}

/** SQL to filter by a search and to rank its hits (2: every word in a title column, 1: in the texts, 0: otherwise). */
export interface FullTextSql {
  where: string;
  rank: string;
  parameters: Record<string, string>;
}

export type Engine = 'sqlite' | 'mysql';

export const SCOPED_DOCUMENT = 'search_document';
/**
 * MySQL: SCOPED_DOCUMENT of the texts alone (no stems), under a FULLTEXT index of its own: the rank of a
 * search within one scope value reads it for "every word in the texts" (rank 1). Read over the whole table
 * instead (ft_<table>_all), a common word cost its hits in every country: 85 ms for "atención" in Mexico.
 */
export const SCOPED_TEXTS = 'search_texts';
/** The separator of a scoped word: InnoDB's parser keeps `_` inside a word. */
const SCOPE_SEPARATOR = '_';

export function engineOf(db: DataSource): Engine {
  return db.options.type === 'mysql' || db.options.type === 'mariadb' ? 'mysql' : 'sqlite';
}

/**
 * Markers of the tokens of the stems column that are not words, so they never collide with one: a short
 * token ("24" -> zzs24, "mx" -> zzsmx), a dashed group ("CIDT-MX" -> zzjcidtmx), a language a row is
 * offered in (quc -> zzlquc). Each is at least 3 characters long, so InnoDB indexes it with its default
 * innodb_ft_min_token_size: no server setting is needed.
 */
const SHORT = 'zzs';
const JOINED = 'zzj';
const SPOKEN = 'zzl';

/**
 * Two-letter words too common to be searched for (articles, prepositions, pronouns of the four languages):
 * neither indexed nor searched as short tokens, so "casa de acogida" still reads as "casa acogida".
 */
const SHORT_STOPWORDS = new Set(
  (
    'de la el en lo le se su un al da me te mi tu ya no si ni os es ha he yo ' +
    'do em na um as ao ou du et au il on ne ce sa ma ta of in to at by an is it or be we my so up if us'
  ).split(' '),
);

const WORD_GROUPS = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;
const RUNS = /[\p{L}\p{M}\p{N}]+/gu;

const length = (word: string) => [...word].length;
/** Lower case without accents: how the stems column holds a token (both engines fold the same way). */
export const folded = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
const lowered = (text: string) => text.normalize('NFC').toLowerCase();

/** The words of a text a search can meet as words (MIN_WORD_LENGTH to MAX_WORD_LENGTH), lower case and folded. */
export function foldedWords(text: string | null | undefined): string[] {
  return (lowered(text ?? '').match(RUNS) ?? [])
    .filter((run) => length(run) >= MIN_WORD_LENGTH && length(run) <= MAX_WORD_LENGTH)
    .map(folded);
}

const stemmers = new Map<StemLanguage, Stemmer>();
function stemmer(language: StemLanguage): Stemmer {
  let found = stemmers.get(language);
  if (!found) {
    const names: Record<StemLanguage, string> = { es: 'spanish', pt: 'portuguese', fr: 'french', en: 'english' };
    found = newStemmer(names[language]);
    stemmers.set(language, found);
  }
  return found;
}

/**
 * Stems already computed, by languages and word: words repeat (a backfill of 100,000 services meets a few
 * thousand distinct ones), and a Snowball stem costs tens of microseconds. Emptied when it grows past
 * STEM_CACHE_SIZE, which bounds its memory.
 */
const stemCache = new Map<string, string[]>();
const STEM_CACHE_SIZE = 50_000;

/** The stems of a lower-case word in these languages that differ from the word itself (the word is in the text columns) and InnoDB can index. */
function stemsOf(word: string, languages: readonly StemLanguage[]): string[] {
  const key = `${languages.join(',')}:${word}`;
  const cached = stemCache.get(key);
  if (cached) return cached;
  const plain = folded(word);
  const stems = languages.map((language) => folded(stemmer(language).stem(word)));
  const found = [...new Set(stems)].filter((stem) => stem !== plain && length(stem) >= MIN_WORD_LENGTH && length(stem) <= MAX_WORD_LENGTH);
  if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
  stemCache.set(key, found);
  return found;
}

/** The token of a short word (two letters or digits) that is searchable, or null. */
function shortToken(run: string): string | null {
  return length(run) === 2 && !SHORT_STOPWORDS.has(folded(run)) ? `${SHORT}${folded(run)}` : null;
}

function joinedToken(group: string): string | null {
  const joined = `${JOINED}${folded(group.replace(/-/g, ''))}`;
  return length(joined) <= MAX_WORD_LENGTH ? joined : null;
}

/** What a row's stems column holds (see STEMS_COLUMN), space-separated, each token once. */
export function stemsDocument(input: {
  texts: (string | null | undefined)[];
  languages: readonly StemLanguage[];
  places?: (string | null | undefined)[];
  spoken?: string[];
}): string {
  const tokens = new Set<string>();
  for (const text of input.texts) {
    for (const group of lowered(text ?? '').match(WORD_GROUPS) ?? []) {
      if (group.includes('-')) {
        const joined = joinedToken(group);
        if (joined) tokens.add(joined);
      }
      for (const run of group.match(RUNS) ?? []) {
        const short = shortToken(run);
        if (short) tokens.add(short);
        else if (length(run) >= MIN_WORD_LENGTH && length(run) <= MAX_WORD_LENGTH)
          for (const stem of stemsOf(run, input.languages)) tokens.add(stem);
      }
    }
  }
  for (const place of input.places ?? []) {
    for (const group of lowered(place ?? '').match(WORD_GROUPS) ?? []) {
      const joined = group.includes('-') ? joinedToken(group) : null;
      if (joined) tokens.add(joined);
      for (const run of group.match(RUNS) ?? []) {
        const short = shortToken(run);
        if (short) tokens.add(short);
        else if (length(run) >= MIN_WORD_LENGTH && length(run) <= MAX_WORD_LENGTH) tokens.add(folded(run));
      }
    }
  }
  for (const code of input.spoken ?? []) {
    tokens.add(`${SPOKEN}${code}`);
    const macro = macrolanguageOf(code);
    if (macro) tokens.add(`${SPOKEN}${macro}`);
  }
  return [...tokens].join(' ');
}

/**
 * One thing a search asks for: a row matches it when it holds one of `words` in its texts (the last word of
 * a search as a prefix) or one of `tokens` in its stems column. `words` alone count for the rank.
 */
export interface SearchTerm {
  words: string[];
  tokens: string[];
  prefix: boolean;
  /** Tokens of the languages the term names: only tables with a `spoken` column search them. */
  spoken: string[];
}

/**
 * The terms of a search, at most MAX_WORDS. Words are runs of letters, marks and digits, lower case;
 * everything else (quotes, `*`, `;`...) only separates them, so no FTS or SQL syntax can come through:
 * the words are quoted (FTS5) or plain tokens (MySQL boolean mode), so `AND` or `NOT` is just a word.
 * A word of three letters or more also matches its stems in the four languages; one of two (not a common
 * article) matches exactly as a short token; a dashed group ("CIDT-MX") matches exactly as one token; a
 * space-separated word that names a language ("kiche", "k'iche'") also matches the rows offered in it.
 * An empty list means there is nothing to search for: the callers then match nothing.
 */
export function searchWords(term: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  const add = (found: SearchTerm) => {
    const key = JSON.stringify([found.words, found.tokens, found.spoken]);
    if (seen.has(key) || (found.words.length === 0 && found.tokens.length === 0 && found.spoken.length === 0)) return;
    seen.add(key);
    terms.push(found);
  };
  const chunks = lowered(term)
    .split(/\s+/)
    .filter((chunk) => chunk !== '');
  for (let i = 0; i < chunks.length; i += 1) {
    let chunk = chunks[i];
    // A language named in two words ("haitian creole", "créole haïtien") is one term.
    const pair = i + 1 < chunks.length ? languagesNamed(`${chunk} ${chunks[i + 1]}`) : [];
    if (pair.length > 0) {
      chunk = `${chunk} ${chunks[i + 1]}`;
      i += 1;
    }
    const named = pair.length > 0 ? pair : chunk.length > 1 ? languagesNamed(chunk) : [];
    // A row offered in an individual language also holds its macrolanguage's token (stemsDocument): "quechua" (que) finds quz.
    const spoken = named.map((code) => `${SPOKEN}${code}`);
    const chunkTerms: SearchTerm[] = [];
    for (const group of chunk.match(WORD_GROUPS) ?? []) {
      if (group.includes('-')) {
        const joined = joinedToken(group);
        if (joined) chunkTerms.push({ words: [], tokens: [joined], prefix: false, spoken: [] });
        continue;
      }
      const short = shortToken(group);
      if (short) chunkTerms.push({ words: [], tokens: [short], prefix: false, spoken: [] });
      else if (length(group) >= MIN_WORD_LENGTH && length(group) <= MAX_WORD_LENGTH) {
        chunkTerms.push({ words: [group], tokens: stemsOf(group, STEM_LANGUAGES), prefix: false, spoken: [] });
      }
    }
    // A language's name ("k'iche'" reads as "k", "iche"): one term, its words or the language.
    if (spoken.length > 0) {
      add({
        words: chunkTerms.flatMap((t) => t.words),
        tokens: chunkTerms.flatMap((t) => t.tokens),
        prefix: false,
        spoken,
      });
    } else chunkTerms.forEach(add);
  }
  const kept = terms.slice(0, MAX_WORDS);
  const last = kept[kept.length - 1];
  if (last && last.words.length > 0) last.prefix = true;
  return kept;
}

export const ftsTable = (table: string) => `${table}_fts`;

/** The alternatives of a term, as the table can match them (language tokens only where rows have spoken languages). */
function alternatives(index: FullTextTable, term: SearchTerm): { words: string[]; tokens: string[] } {
  if (!index.stems) return { words: term.words, tokens: [] };
  return { words: term.words, tokens: [...term.tokens, ...(index.stems.spoken ? term.spoken : [])] };
}

/** Every term's alternatives, as an FTS5 query; `wordsOnly`: the exact words alone, for the rank. */
function ftsQuery(index: FullTextTable, terms: SearchTerm[], wordsOnly = false): string {
  return terms
    .map((term) => {
      const { words, tokens } = alternatives(index, term);
      const all = [...words.map((word) => `"${word}"${term.prefix ? '*' : ''}`), ...(wordsOnly ? [] : tokens.map((token) => `"${token}"`))];
      return all.length === 0 ? null : `(${all.join(' OR ')})`;
    })
    .filter((part): part is string => part !== null)
    .join(' AND ');
}

/** The same in MySQL's boolean mode: `+(a b*)` holds when a or b* does. `prefix` is the scope ("pe_"). */
function booleanQuery(index: FullTextTable, terms: SearchTerm[], wordsOnly = false, prefix = ''): string {
  return terms
    .map((term) => {
      const { words, tokens } = alternatives(index, term);
      const all = [
        ...words.map((word) => `${prefix}${word}${term.prefix ? '*' : ''}`),
        ...(wordsOnly ? [] : tokens.map((token) => `${prefix}${token}`)),
      ];
      return all.length === 0 ? null : `+(${all.join(' ')})`;
    })
    .filter((part): part is string => part !== null)
    .join(' ');
}

/** Every word and token of the terms fits InnoDB's maximum once prefixed with the scope. */
function scopedFits(scope: string, terms: SearchTerm[]): boolean {
  const prefix = `${scope.toLowerCase()}${SCOPE_SEPARATOR}`;
  return terms.every((term) => [...term.words, ...term.tokens, ...term.spoken].every((word) => length(prefix + word) <= MAX_WORD_LENGTH));
}

/** The columns a table's search filter reads: its texts and, where it has one, its stems column. */
const searchedColumns = (index: FullTextTable) => [...index.titles, ...index.bodies, ...(index.stems ? [STEMS_COLUMN] : [])];

/**
 * The filter and rank of a search over `index`, for rows of the query alias `alias`; `terms` is not empty.
 * The rank is 2 when every exact word of the search is in a title column, 1 when every one is in the
 * texts, 0 when the row matched through a stem, a short token, its place or a language only.
 * `scope`: the value of the index's scope column the caller also filters by, if any (MySQL then searches
 * the scoped document).
 */
export function fullTextSql(db: DataSource, index: FullTextTable, alias: string, terms: SearchTerm[], scope?: string | null): FullTextSql {
  const name = (suffix: string) => `ft_${alias}_${suffix}`;
  const hasWords = terms.some((term) => term.words.length > 0);
  if (engineOf(db) === 'mysql') {
    const columns = (list: string[]) => list.map((c) => `${alias}.${c}`).join(', ');
    const against = (parameter: string) => `AGAINST (:${name(parameter)} IN BOOLEAN MODE)`;
    const prefix = index.scope && scope && scopedFits(scope, terms) ? `${scope.toLowerCase()}${SCOPE_SEPARATOR}` : null;
    const parameters: Record<string, string> = hasWords ? { [name('w')]: booleanQuery(index, terms, true) } : {};
    // "Every word in the texts": within one scope value, from that value's texts alone (SCOPED_TEXTS).
    let inTexts = `MATCH(${columns([...index.titles, ...index.bodies])}) ${against('w')}`;
    if (prefix && hasWords) {
      parameters[name('x')] = booleanQuery(index, terms, true, prefix);
      inTexts = `MATCH(${alias}.${SCOPED_TEXTS}) ${against('x')}`;
    }
    const rank = hasWords ? `(CASE WHEN MATCH(${columns(index.titles)}) ${against('w')} THEN 2 WHEN ${inTexts} THEN 1 ELSE 0 END)` : '0';
    if (prefix) {
      parameters[name('s')] = booleanQuery(index, terms, false, prefix);
      return { where: `MATCH(${alias}.${SCOPED_DOCUMENT}) ${against('s')}`, rank, parameters };
    }
    parameters[name('q')] = booleanQuery(index, terms);
    return { where: `MATCH(${columns(searchedColumns(index))}) ${against('q')}`, rank, parameters };
  }
  const fts = ftsTable(index.table);
  const hits = (parameter: string) => `${alias}.rowid IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH :${parameter})`;
  const words = ftsQuery(index, terms, true);
  return {
    where: hits(name('q')),
    rank: hasWords ? `(CASE WHEN ${hits(name('t'))} THEN 2 WHEN ${hits(name('b'))} THEN 1 ELSE 0 END)` : '0',
    parameters: {
      [name('q')]: ftsQuery(index, terms),
      ...(hasWords
        ? {
            [name('t')]: `{${index.titles.join(' ')}} : (${words})`,
            [name('b')]: `{${[...index.titles, ...index.bodies].join(' ')}} : (${words})`,
          }
        : {}),
    },
  };
}

/**
 * Creates the search index of a table over its texts, filled from the rows already there (the stems column
 * is added later, by addSearchStems). SQLite: an external-content FTS5 table over the row's rowid, kept in
 * step by triggers, so every write path (mutations, seeding, scripts) updates it in the same transaction.
 * MySQL: a FULLTEXT index on the titles (for the rank) and one on all the texts (for the filter, later the
 * rank), built without stopwords: InnoDB's default English list holds words such as "with" or "will" that
 * a search must still find.
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
  await createFts(queryRunner, index.table, columns);
}

async function createFts(queryRunner: QueryRunner, table: string, columns: string[]): Promise<void> {
  const fts = ftsTable(table);
  const list = columns.join(', ');
  const values = (row: string) => columns.map((c) => `${row}.${c}`).join(', ');
  const insert = `INSERT INTO ${fts}(rowid, ${list}) VALUES (new.rowid, ${values('new')});`;
  const remove = `INSERT INTO ${fts}(${fts}, rowid, ${list}) VALUES ('delete', old.rowid, ${values('old')});`;
  await queryRunner.query(
    `CREATE VIRTUAL TABLE ${fts} USING fts5(${list}, content='${table}', content_rowid='rowid', ` +
      `tokenize='unicode61 remove_diacritics 2')`,
  );
  await queryRunner.query(`CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${table} BEGIN ${insert} END`);
  await queryRunner.query(`CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${table} BEGIN ${remove} END`);
  await queryRunner.query(`CREATE TRIGGER ${fts}_update AFTER UPDATE OF ${list} ON ${table} BEGIN ${remove} ${insert} END`);
  await rebuildFullTextIndex(queryRunner, table);
}

async function dropFts(queryRunner: QueryRunner, table: string): Promise<void> {
  const fts = ftsTable(table);
  for (const event of ['insert', 'delete', 'update']) await queryRunner.query(`DROP TRIGGER IF EXISTS ${fts}_${event}`);
  await queryRunner.query(`DROP TABLE IF EXISTS ${fts}`);
}

/**
 * MySQL: a scoped column of a table (every word of `columns` prefixed with the scope column's value) and
 * its FULLTEXT index. A stored generated column, so that every write path keeps it in step. MariaDB's
 * REGEXP_REPLACE (PCRE) names a group \1, MySQL's (ICU) $1.
 */
async function addScopedColumn(queryRunner: QueryRunner, index: FullTextTable, column: string, indexName: string, columns: string[]) {
  const [{ version }] = (await queryRunner.query('SELECT VERSION() AS version')) as { version: string }[];
  const group = /mariadb/i.test(version) ? '\\\\1' : '$1';
  const text = `CONCAT_WS(' ', ${columns.join(', ')})`;
  const words = `REGEXP_REPLACE(${text}, '([[:alnum:]_]+)', CONCAT(${index.scope}, '${SCOPE_SEPARATOR}${group}'))`;
  await queryRunner.query(`ALTER TABLE ${index.table} ADD COLUMN ${column} TEXT GENERATED ALWAYS AS (${words}) STORED`);
  await queryRunner.query('SET SESSION innodb_ft_enable_stopword = OFF');
  await queryRunner.query(`CREATE FULLTEXT INDEX ${indexName} ON ${index.table} (${column})`);
  await queryRunner.query('SET SESSION innodb_ft_enable_stopword = ON');
}

/**
 * MySQL: the scoped document of a table and its FULLTEXT index (SQLite needs none: an FTS5 lookup costs no
 * row read per hit). `withStems`: the stems column's tokens too.
 */
export async function createScopedDocument(queryRunner: QueryRunner, index: FullTextTable, withStems = false): Promise<void> {
  if (engineOf(queryRunner.connection) !== 'mysql' || !index.scope) return;
  const columns = withStems ? searchedColumns(index) : [...index.titles, ...index.bodies];
  await addScopedColumn(queryRunner, index, SCOPED_DOCUMENT, `ft_${index.table}_scoped`, columns);
}

export async function dropScopedDocument(queryRunner: QueryRunner, index: FullTextTable): Promise<void> {
  if (engineOf(queryRunner.connection) !== 'mysql' || !index.scope) return;
  await queryRunner.query(`DROP INDEX ft_${index.table}_scoped ON ${index.table}`);
  await queryRunner.query(`ALTER TABLE ${index.table} DROP COLUMN ${SCOPED_DOCUMENT}`);
}

/** MySQL: the scoped texts of a table (SCOPED_TEXTS) and their FULLTEXT index, ft_<table>_scoped_texts. */
export async function createScopedTexts(queryRunner: QueryRunner, index: FullTextTable): Promise<void> {
  if (engineOf(queryRunner.connection) !== 'mysql' || !index.scope) return;
  await addScopedColumn(queryRunner, index, SCOPED_TEXTS, `ft_${index.table}_scoped_texts`, [...index.titles, ...index.bodies]);
}

export async function dropScopedTexts(queryRunner: QueryRunner, index: FullTextTable): Promise<void> {
  if (engineOf(queryRunner.connection) !== 'mysql' || !index.scope) return;
  await queryRunner.query(`DROP INDEX ft_${index.table}_scoped_texts ON ${index.table}`);
  await queryRunner.query(`ALTER TABLE ${index.table} DROP COLUMN ${SCOPED_TEXTS}`);
}

/** Rows whose stems are computed per statement: an UPDATE of this many rows stays under both engines' parameter limits. */
const STEMS_BATCH = 500;

type Runner = Pick<QueryRunner, 'query' | 'connection'>;

/**
 * Computes the stems column (stemsDocument) of the rows `ids` of an indexed table from what they hold now,
 * in batches: the one function every write path calls after writing a searched column (name, description,
 * city, languages, country, a practice's language), inside its transaction; without ids, every row
 * (the migration's backfill, seeding, generated data). Returns the number of rows computed.
 */
export async function refreshSearchStems(runner: Runner, index: FullTextTable, ids?: string[]): Promise<number> {
  const source = index.stems;
  if (!source) return 0;
  const language = 'code' in source.language ? source.language.code : source.language.country;
  const postings = await postingsReady(runner, index);
  const columns = [
    ...new Set([
      'id',
      ...(postings ? [SEARCH_DOC] : []),
      ...index.titles,
      ...index.bodies,
      ...(source.places ?? []),
      language,
      ...(source.spoken ? [source.spoken] : []),
      ...(index.scope ? [index.scope] : []),
    ]),
  ];
  // Every row: postings of rows gone since (generated data replaced) go too, and none is stale after.
  if (postings && !ids) for (const table of [postingsTable(index), staleTable(index)]) await runner.query(`DELETE FROM ${table}`);
  const select = `SELECT ${columns.join(', ')} FROM ${index.table}`;
  let done = 0;
  const compute = async (rows: Record<string, string | number | null>[]) => {
    if (rows.length === 0) return;
    const values = rows.map((row) => {
      const text = (column: string) => (row[column] == null ? null : String(row[column]));
      const languages =
        'code' in source.language
          ? [stemLanguageOf(text(language))].filter((found): found is StemLanguage => found !== null)
          : countryTextLanguages(text(language));
      const spoken = source.spoken ? (JSON.parse(text(source.spoken) ?? '[]') as string[]) : [];
      return stemsDocument({
        texts: [...index.titles, ...index.bodies].map(text),
        languages: languages.length > 0 ? languages : STEM_LANGUAGES,
        places: (source.places ?? []).map(text),
        spoken,
      });
    });
    const cases = rows.map(() => 'WHEN ? THEN ?').join(' ');
    const parameters = rows.flatMap((row, i) => [row.id, values[i]]);
    await runner.query(`UPDATE ${index.table} SET ${STEMS_COLUMN} = CASE id ${cases} END WHERE id IN (${rows.map(() => '?').join(', ')})`, [
      ...parameters,
      ...rows.map((row) => row.id),
    ]);
    if (postings)
      await writePostings(
        runner,
        index,
        rows.map((row, i) => sourceOf(index, row, values[i])),
      );
    done += rows.length;
  };
  if (ids) {
    for (let i = 0; i < ids.length; i += STEMS_BATCH) {
      const batch = ids.slice(i, i + STEMS_BATCH);
      await compute(
        (await runner.query(`${select} WHERE id IN (${batch.map(() => '?').join(', ')})`, batch)) as Record<
          string,
          string | number | null
        >[],
      );
    }
    return done;
  }
  let after = '';
  for (;;) {
    const rows = (await runner.query(`${select} WHERE id > ? ORDER BY id LIMIT ${STEMS_BATCH}`, [after])) as Record<
      string,
      string | number | null
    >[];
    await compute(rows);
    if (rows.length < STEMS_BATCH) return done;
    after = String(rows[rows.length - 1].id);
  }
}

/**
 * The migration that gives a table its stems column: the column, computed for every row, then the indexes
 * that search it. SQLite: the FTS5 table is made again with the column (FTS5 cannot add one). MySQL: a
 * FULLTEXT index on the texts and the stems (ft_<table>_search, the filter; ft_<table>_all on the texts
 * alone stays for the rank), and the scoped document again with the stems.
 */
export async function addSearchStems(queryRunner: QueryRunner, index: FullTextTable): Promise<void> {
  await queryRunner.query(`ALTER TABLE ${index.table} ADD COLUMN ${STEMS_COLUMN} TEXT NULL`);
  await refreshSearchStems(queryRunner, index);
  if (engineOf(queryRunner.connection) === 'mysql') {
    await queryRunner.query('SET SESSION innodb_ft_enable_stopword = OFF');
    await queryRunner.query(`CREATE FULLTEXT INDEX ft_${index.table}_search ON ${index.table} (${searchedColumns(index).join(', ')})`);
    await queryRunner.query('SET SESSION innodb_ft_enable_stopword = ON');
    if (index.scope) {
      await dropScopedDocument(queryRunner, index);
      await createScopedDocument(queryRunner, index, true);
    }
    return;
  }
  await dropFts(queryRunner, index.table);
  await createFts(queryRunner, index.table, searchedColumns(index));
}

export async function dropSearchStems(queryRunner: QueryRunner, index: FullTextTable): Promise<void> {
  if (engineOf(queryRunner.connection) === 'mysql') {
    if (index.scope) {
      await dropScopedDocument(queryRunner, index);
      await createScopedDocument(queryRunner, index);
    }
    await queryRunner.query(`DROP INDEX ft_${index.table}_search ON ${index.table}`);
  } else {
    await dropFts(queryRunner, index.table);
    await createFts(queryRunner, index.table, [...index.titles, ...index.bodies]);
  }
  await queryRunner.query(`ALTER TABLE ${index.table} DROP COLUMN ${STEMS_COLUMN}`);
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
  await dropFts(queryRunner, index.table);
}
