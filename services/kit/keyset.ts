import type { ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../platform/errors';
import { queryArrays } from './database';
import { engineOf } from './full-text';
import { pageWindow, type Page, type PageArgs } from './pagination';

/** One key of a sort computed in SQL (a search rank, a distance); the row id always ends the order. */
export interface SortKey {
  sql: string;
  direction: 'ASC' | 'DESC';
  /** Numbers are compared as numbers: SQLite orders any number before any text. */
  numeric: boolean;
  /** For a plain column (`sql` is alias.column): the entity property holding its value, which is read from there. */
  property?: string;
  /** The rank of a search read from its index (ListQuery.matches), not from SQL: only as the first key of such a list. */
  score?: boolean;
}

type KeyValue = string | number;

/** A list as its query builder makes it: the rows that match, and the keys of the order they are paged in. */
export interface ListQuery<T extends ObjectLiteral> {
  query: SelectQueryBuilder<T>;
  keys: SortKey[];
  /**
   * A search answered by an index outside the query (search-postings.ts): the rows it found, by a numeric
   * column of theirs (`column` of the query's alias), each with its rank (the `score` key). The list is
   * then the query's rows among these (paginateMatches).
   */
  matches?: { column: string; find: () => Promise<Map<number, number>> };
}

/** The key of a plain column of the rows under `alias`, ascending; its value is read from the entity property of the same name. */
export function columnKey(alias: string, column: string, property = column): SortKey {
  return { sql: `${alias}.${column}`, direction: 'ASC', numeric: false, property };
}

/** A page whose nodes come with the values of their sort keys (e.g. to show the distance sorted by). */
export interface KeyedPage<T> extends Page<T> {
  keys: KeyValue[][];
}

function encode(values: KeyValue[], id: string): string {
  return Buffer.from(JSON.stringify([...values, id]), 'utf8').toString('base64url');
}

/** Far longer than any cursor given out (a few keys and an id): a longer one is not decoded at all. */
const MAX_CURSOR_LENGTH = 2000;

type CursorArg = 'after' | 'before';

interface Cursor {
  values: KeyValue[];
  id: string;
}

function decode(cursor: string, keys: SortKey[], name: CursorArg): Cursor {
  const invalid = () =>
    badInput(`The cursor in \`${name}\` is not one this API gave out for this filter; pass a pageInfo cursor or an edge's cursor.`, name);
  if (cursor.length > MAX_CURSOR_LENGTH) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== keys.length + 1 || typeof parsed[keys.length] !== 'string') throw invalid();
  const values = (parsed as unknown[]).slice(0, keys.length) as KeyValue[];
  if (values.some((v, i) => (keys[i].numeric ? typeof v !== 'number' || !Number.isFinite(v) : typeof v !== 'string'))) throw invalid();
  return { values, id: parsed[keys.length] as string };
}

type Direction = 'ASC' | 'DESC';
const opposite = (direction: Direction): Direction => (direction === 'ASC' ? 'DESC' : 'ASC');

/**
 * (k1, k2, ..., id) beyond the cursor in the order `directions`, as SQL: strictly, or with the cursor's own
 * row (`inclusive`). Expanded into ORs of equalities and one comparison, behind a bound on the first key
 * alone (k1 >= its value): the bound is what an index on the columns answers as a range, whichever way
 * it is read; the ORs alone would make it read the index from its start.
 */
function beyondSql(columns: string[], directions: Direction[], prefix: string, inclusive: boolean): string {
  const terms = columns.map((column, i) => {
    const equal = columns.slice(0, i).map((previous, j) => `${previous} = :${prefix}${j}`);
    const last = i === columns.length - 1;
    const beyond = `${column} ${directions[i] === 'ASC' ? '>' : '<'}${inclusive && last ? '=' : ''} :${prefix}${i}`;
    return `(${[...equal, beyond].join(' AND ')})`;
  });
  const range = `${columns[0]} ${directions[0] === 'ASC' ? '>' : '<'}${columns.length > 1 || inclusive ? '=' : ''} :${prefix}0`;
  return `(${range} AND (${terms.join(' OR ')}))`;
}

/** A cursor of the page arguments, as the SQL of the rows of its range and of the rows past it. */
interface Bound {
  /** The rows on the page's side of the cursor (after `after`, before `before`). */
  within: string;
  /** The rows on the other side, the cursor's own row included: their existence is hasPreviousPage (hasNextPage). */
  outside: string;
  /** The order that reads `outside` from the cursor outwards, for an index to answer the existence check. */
  outward: Direction[];
  parameters: Record<string, KeyValue>;
}

function bound(cursor: Cursor, name: CursorArg, columns: string[], forward: Direction[]): Bound {
  const toward = name === 'after' ? forward : forward.map(opposite);
  const outward = toward.map(opposite);
  const parameters = Object.fromEntries([...cursor.values, cursor.id].map((value, i) => [`${name}Cursor${i}`, value]));
  const prefix = `${name}Cursor`;
  return { within: beyondSql(columns, toward, prefix, false), outside: beyondSql(columns, outward, prefix, true), outward, parameters };
}

/** The cursors of the page arguments, as bounds over these columns (the keys, then the id). */
function boundsOf(args: PageArgs, keys: SortKey[], columns: string[]): Partial<Record<CursorArg, Bound>> {
  const forward: Direction[] = [...keys.map((key) => key.direction), 'ASC'];
  const bounds: Partial<Record<CursorArg, Bound>> = {};
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor !== null && cursor !== undefined) bounds[name] = bound(decode(cursor, keys, name), name, columns, forward);
  }
  return bounds;
}

/** The rows of a page, in the order read, with their key values and what the statements counted. */
interface PageRows<T> {
  rows: { entity: T; values: KeyValue[] }[];
  totalCount: number;
  /** Whether rows of the filter lie outside each cursor given (its own row included). */
  outside: Partial<Record<CursorArg, boolean>>;
}

const keyValue = (key: SortKey, value: unknown): KeyValue => (key.numeric ? Number(value) : String(value));

/**
 * A page over keys that are all columns (key.property): an index gives the order, so the page reads only
 * the rows it shows, within the cursors; a second statement counts, and one look beyond each cursor
 * (LIMIT 1, from the cursor outwards) tells whether rows lie there.
 */
async function indexedPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  keys: SortKey[],
  bounds: Partial<Record<CursorArg, Bound>>,
  reading: Direction[],
  size: number,
): Promise<PageRows<T>> {
  const columns = [...keys.map((key) => key.sql), `${query.alias}.id`];
  const page = query.clone().orderBy();
  for (const b of Object.values(bounds)) page.andWhere(b.within, b.parameters);
  columns.forEach((column, i) => page.addOrderBy(column, reading[i]));
  const entities = await page.limit(size + 1).getMany();
  const totalCount = await query.clone().getCount();
  const [previous, next] = await Promise.all([
    bounds.after ? exists(query, bounds.after, columns) : false,
    bounds.before ? exists(query, bounds.before, columns) : false,
  ]);
  const rows = entities.map((entity) => ({ entity, values: keys.map((key) => keyValue(key, entity[key.property!])) }));
  return { rows, totalCount, outside: { after: previous, before: next } };
}

/** A key's column in `keyed`, the common table of computedPage. */
const keyedColumn = (i: number) => `keyed.sort_key_${i}`;

/**
 * The query runner a builder was made with, if any: inside a transaction, the transaction's, which a
 * statement written out of its SQL must run on too (TypeORM keeps the field protected).
 */
const runnerOf = (query: SelectQueryBuilder<ObjectLiteral>) => (query as unknown as { queryRunner?: QueryRunner }).queryRunner;

/**
 * A page over a computed key (a rank, a distance): no index gives the order, so the database sorts every
 * row of the filter anyway. The filter's rows are read once into a common table of their id and keys
 * (`keyed`, each key computed once a row); one statement over it gives the page's ids, counts all rows
 * (COUNT(*) OVER ()) and those beyond each cursor, the rows outside the cursors sorted last rather than
 * filtered out. A second statement reads the page's rows by id: the sort carries ids and keys, never whole
 * rows. SQLite is told to materialize `keyed` (MATERIALIZED): otherwise it computes a key again at each
 * reference to it, and a search rank builds its lists of hits anew each time (3 times slower on a search
 * of 4,000 hits).
 */
async function computedPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  keys: SortKey[],
  bounds: Partial<Record<CursorArg, Bound>>,
  reading: Direction[],
  size: number,
): Promise<PageRows<T>> {
  const alias = query.alias;
  const keyed = query.clone().orderBy().select(`${alias}.id`, 'id');
  keys.forEach((key, i) => keyed.addSelect(key.sql, `sort_key_${i}`));
  const page = query.connection.createQueryBuilder().select('keyed.id', 'id').from('keyed', 'keyed');
  keys.forEach((_, i) => page.addSelect(keyedColumn(i), `sort_key_${i}`));
  const given = Object.entries(bounds);
  for (const [, b] of given) page.setParameters(b.parameters);
  if (given.length > 0) {
    const within = given.map(([, b]) => b.within).join(' AND ');
    page.addSelect(`(CASE WHEN ${within} THEN 1 ELSE 0 END)`, 'in_range').addOrderBy('in_range', 'DESC');
  }
  for (const [name, b] of given) page.addSelect(`SUM(CASE WHEN ${b.outside} THEN 1 ELSE 0 END) OVER ()`, `outside_${name}`);
  page.addSelect('COUNT(*) OVER ()', 'total_count');
  keys.forEach((_, i) => page.addOrderBy(keyedColumn(i), reading[i]));
  page.addOrderBy('keyed.id', reading[keys.length]);
  const [keyedSql, keyedParameters] = keyed.getQueryAndParameters() as [string, unknown[]];
  const [pageSql, pageParameters] = page.limit(size + 1).getQueryAndParameters() as [string, unknown[]];
  const materialized = engineOf(query.connection) === 'sqlite' ? 'MATERIALIZED ' : '';
  const raw = await query.connection.query<Record<string, unknown>[]>(
    `WITH keyed AS ${materialized}(${keyedSql}) ${pageSql}`,
    [...keyedParameters, ...pageParameters],
    runnerOf(query),
  );
  const inRange = raw.filter((row) => given.length === 0 || Number(row.in_range) === 1);
  const ids = inRange.map((row) => String(row.id));
  // Always size + 1 ids (the first repeated): one statement text whatever the page holds, for the statement cache.
  const pageIds = ids.length === 0 ? [] : [...ids, ...new Array<string>(size + 1 - ids.length).fill(ids[0])];
  const found = ids.length === 0 ? [] : await query.clone().orderBy().where(`${alias}.id IN (:...pageIds)`, { pageIds }).getMany();
  const byId = new Map(found.map((entity) => [entity.id, entity]));
  const rows = inRange.flatMap((row) => {
    const entity = byId.get(String(row.id));
    // A row deleted between the two statements is left out of the page.
    return entity ? [{ entity, values: keys.map((key, i) => keyValue(key, row[`sort_key_${i}`])) }] : [];
  });
  const outside = Object.fromEntries(given.map(([name]) => [name, Number(raw[0]?.[`outside_${name}`] ?? 0) > 0]));
  return { rows, totalCount: Number(raw[0]?.total_count ?? 0), outside };
}

/**
 * Keyset pagination over keys computed in SQL, then the id: a stable total order, so no row repeats or
 * vanishes across pages. The cursor carries the key values, never a float that could round differently:
 * the callers make their keys integers or strings. Every row's cursor is given out (edges), and any of
 * them may be passed as `after` or `before`.
 *
 * A backward page (`last`) reads the same order reversed, from `before` (or the end) back, LIMIT last+1,
 * and turns the rows round: the same indexes answer it, read the other way. Keys that are all columns
 * page in index order (indexedPage); a computed key sorts the filter's rows (computedPage).
 */
export async function paginateByKeys<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  keys: SortKey[],
): Promise<KeyedPage<T>> {
  if (keys.some((key) => key.score)) throw new Error('paginateByKeys: a search index rank needs the ids it found (paginateList)');
  const { size, backward } = pageWindow(args);
  const computed = keys.some((key) => !key.property);
  const forward: Direction[] = [...keys.map((key) => key.direction), 'ASC'];
  const reading = backward ? forward.map(opposite) : forward;
  const columns = computed ? [...keys.map((_, i) => keyedColumn(i)), 'keyed.id'] : [...keys.map((key) => key.sql), `${query.alias}.id`];
  const bounds = boundsOf(args, keys, columns);
  const { rows, totalCount, outside } = await (computed ? computedPage : indexedPage)(query, keys, bounds, reading, size);
  return pageOf(rows, size, backward, totalCount, outside);
}

/** The page of rows read in the reading order (size + 1 at most: one more tells that more lie that way). */
function pageOf<T extends ObjectLiteral & { id: string }>(
  rows: { entity: T; values: KeyValue[] }[],
  size: number,
  backward: boolean,
  totalCount: number,
  outside: Partial<Record<CursorArg, boolean>>,
): KeyedPage<T> {
  const more = rows.length > size;
  const shown = rows.slice(0, size);
  if (backward) shown.reverse();
  const nodes = shown.map(({ entity }) => entity);
  const edges = shown.map(({ entity, values }) => ({ cursor: encode(values, entity.id), node: entity }));
  return {
    nodes,
    edges,
    keys: shown.map(({ values }) => values),
    totalCount,
    pageInfo: {
      hasPreviousPage: (backward && more) || (outside.after ?? false),
      hasNextPage: (!backward && more) || (outside.before ?? false),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Whether the filter has a row outside a cursor's bound: one row read from the cursor outwards, in index order. */
async function exists<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, b: Bound, columns: string[]): Promise<boolean> {
  const look = query
    .clone()
    .orderBy()
    .select(columns[columns.length - 1], 'id')
    .andWhere(b.outside, b.parameters);
  columns.forEach((column, i) => look.addOrderBy(column, b.outward[i]));
  return (await look.limit(1).getRawOne()) !== undefined;
}

/** A page of a list built by its query builder (ListQuery), in the list's order. */
export function paginateList<T extends ObjectLiteral & { id: string }>(list: ListQuery<T>, args: PageArgs): Promise<KeyedPage<T>> {
  return list.matches ? paginateMatches(list.query, args, list.keys, list.matches) : paginateByKeys(list.query, args, list.keys);
}

/**
 * Above this many rows found by a search index, the list's filter is read whole (an index range, in order)
 * and the rows found picked out in JavaScript: a lookup per row costs about 5 µs on InnoDB, a row of an
 * index range well under 1 µs. Below it, the filter reads only those rows.
 */
const IDS_READ_BY_KEY = 1000;

/**
 * How long a search index may take before the list's filter is read whole alongside it: one with few hits
 * (their ids then read by key) answers within it; one with many (thousands of postings) does not, and its
 * rows would be read whole anyway, so both statements run at once.
 */
const READ_WHOLE_AFTER_MS = 4;

/** The rows a search index found, and the filter's rows among them (their numbers and cursor flags, in the columns' order). */
async function readMatched(
  find: () => Promise<Map<number, number>>,
  read: (numbers?: number[]) => Promise<unknown[][]>,
): Promise<{ found: Map<number, number>; raw: unknown[][] }> {
  const finding = find();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), READ_WHOLE_AFTER_MS);
  });
  const slow = await Promise.race([
    finding.then(
      () => false,
      () => false,
    ),
    late,
  ]);
  clearTimeout(timer);
  const whole = slow ? read() : undefined;
  let found: Map<number, number>;
  try {
    found = await finding;
  } catch (error) {
    await whole?.catch(() => undefined);
    throw error;
  }
  if (whole) return { found, raw: await whole };
  if (found.size === 0) return { found, raw: [] };
  return { found, raw: await read(found.size > IDS_READ_BY_KEY ? undefined : [...found.keys()]) };
}

/**
 * A page of the query's rows among those a search index found (ListQuery.matches), ordered by their rank
 * (the `score` key, if any), then by the other keys, which are columns, then the id. The database orders
 * the rows by the columns (ORDER BY: its own collation) and says which lie beyond each cursor's columns; the
 * rank, which only JavaScript knows, is sorted on top of that order here (a stable sort). Every row of the
 * filter among those found is read (its number and flags only), so the count and both pageInfo flags are
 * exact; the page's rows are read by number last.
 */
async function paginateMatches<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  keys: SortKey[],
  matches: { column: string; find: () => Promise<Map<number, number>> },
): Promise<KeyedPage<T>> {
  const { size, backward } = pageWindow(args);
  const alias = query.alias;
  const scored = keys[0]?.score === true;
  const columnKeys = scored ? keys.slice(1) : keys;
  if (columnKeys.some((key) => key.property === undefined || key.score))
    throw new Error('paginateMatches: keys after the rank must be columns');
  const columns = [...columnKeys.map((key) => key.sql), `${alias}.id`];
  const forward: Direction[] = [...columnKeys.map((key) => key.direction), 'ASC'];
  const cursors: [CursorArg, Cursor][] = [];
  for (const name of ['after', 'before'] as const) {
    const given = args[name];
    if (given !== null && given !== undefined) cursors.push([name, decode(given, keys, name)]);
  }
  const numbered = `${alias}.${matches.column}`;
  const read = (numbers?: number[]) => {
    const statement = query.clone().orderBy().select(numbered, 'matched');
    if (numbers) statement.andWhere(`${numbered} IN (:...matchedNumbers)`, { matchedNumbers: numbers });
    // Whether a row lies beyond each cursor by the columns and id alone (strictly: the cursor's row is not).
    for (const [name, cursor] of cursors) {
      const tail: Cursor = { values: scored ? cursor.values.slice(1) : cursor.values, id: cursor.id };
      const b = bound(tail, name, columns, forward);
      statement.addSelect(`(CASE WHEN ${b.within} THEN 1 ELSE 0 END)`, `beyond_${name}`).setParameters(b.parameters);
    }
    columns.forEach((column, i) => statement.addOrderBy(column, forward[i]));
    const [sql, parameters] = statement.getQueryAndParameters();
    return queryArrays(query.connection, sql, parameters, runnerOf(query));
  };
  const { found, raw } = await readMatched(matches.find, read);
  const rows: { number: number; score: number; beyond: Partial<Record<CursorArg, boolean>> }[] = [];
  for (const row of raw) {
    const number = Number(row[0]);
    const score = found.get(number);
    if (score === undefined) continue;
    // The flags follow the number, in the order of `cursors`.
    const beyond: Partial<Record<CursorArg, boolean>> = {};
    cursors.forEach(([name], i) => (beyond[name] = Number(row[i + 1]) === 1));
    rows.push({ number, score, beyond });
  }
  const scoreDirection = keys[0]?.direction ?? 'DESC';
  if (scored) rows.sort((a, b) => (scoreDirection === 'DESC' ? b.score - a.score : a.score - b.score));
  /** Whether a row is on the page's side of a cursor: beyond it by rank, or of the same rank and beyond it by the columns. */
  const within = (entry: (typeof rows)[number], name: CursorArg, cursor: Cursor): boolean => {
    if (!scored) return entry.beyond[name]!;
    const given = Number(cursor.values[0]);
    if (entry.score !== given) {
      const toward = name === 'after' ? scoreDirection : opposite(scoreDirection);
      return toward === 'DESC' ? entry.score < given : entry.score > given;
    }
    return entry.beyond[name]!;
  };
  const inRange = rows.filter((entry) => cursors.every(([name, cursor]) => within(entry, name, cursor)));
  const outside = Object.fromEntries(
    cursors.map(([name, cursor]) => [name, rows.some((entry) => !within(entry, name, cursor))]),
  ) as Partial<Record<CursorArg, boolean>>;
  const reading = backward ? inRange.reverse() : inRange;
  const picked = reading.slice(0, size + 1);
  const numbers = picked.map((entry) => entry.number);
  const byNumber = new Map<number, T>();
  if (numbers.length > 0) {
    const { entities, raw: pageRaw } = await query
      .clone()
      .orderBy()
      .where(`${numbered} IN (:...pageNumbers)`, { pageNumbers: numbers })
      .addSelect(numbered, 'page_number')
      .getRawAndEntities();
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    for (const row of pageRaw as Record<string, unknown>[]) {
      const entity = byId.get(String(row[`${alias}_id`]));
      if (entity) byNumber.set(Number(row.page_number), entity);
    }
  }
  const paged = picked.flatMap((entry) => {
    const entity = byNumber.get(entry.number);
    // A row deleted between the two statements is left out of the page.
    if (!entity) return [];
    const values = columnKeys.map((key) => keyValue(key, entity[key.property!]));
    return [{ entity, values: scored ? [entry.score, ...values] : values }];
  });
  return pageOf(paged, size, backward, rows.length, outside);
}
