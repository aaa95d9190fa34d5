import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../platform/errors';
import { pageWindow, type Page, type PageArgs } from './pagination';

/** One key of a sort computed in SQL (a search rank, a distance); the row id always ends the order. */
export interface SortKey {
  sql: string;
  direction: 'ASC' | 'DESC';
  /** Numbers are compared as numbers: SQLite orders any number before any text. */
  numeric: boolean;
  /** For a plain column (`sql` is alias.column): the entity property holding its value, which is read from there. */
  property?: string;
}

type KeyValue = string | number;

/** A list as its query builder makes it: the rows that match, and the keys of the order they are paged in. */
export interface ListQuery<T extends ObjectLiteral> {
  query: SelectQueryBuilder<T>;
  keys: SortKey[];
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
 * row (`inclusive`). Expanded into ORs of equalities and one comparison, which an index on the columns
 * answers as a range whichever way it is read.
 */
function beyondSql(columns: string[], directions: Direction[], prefix: string, inclusive: boolean): string {
  const terms = columns.map((column, i) => {
    const equal = columns.slice(0, i).map((previous, j) => `${previous} = :${prefix}${j}`);
    const last = i === columns.length - 1;
    const beyond = `${column} ${directions[i] === 'ASC' ? '>' : '<'}${inclusive && last ? '=' : ''} :${prefix}${i}`;
    return `(${[...equal, beyond].join(' AND ')})`;
  });
  return `(${terms.join(' OR ')})`;
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

/**
 * The statement of a page: the rows of the filter within the cursors, in the `reading` order. With a
 * computed key (countInPage) the rows outside the cursors are sorted last rather than filtered out, and
 * the statement counts all rows and those beyond each cursor.
 */
function pageStatement<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  keys: SortKey[],
  bounds: Partial<Record<CursorArg, Bound>>,
  reading: Direction[],
  countInPage: boolean,
): { page: SelectQueryBuilder<T>; ordered: string[] } {
  const given = Object.values(bounds);
  const page = query.clone().orderBy();
  given.forEach(({ parameters }) => page.setParameters(parameters));
  if (countInPage) {
    if (given.length > 0) {
      const within = given.map((b) => b.within).join(' AND ');
      page.addSelect(`(CASE WHEN ${within} THEN 1 ELSE 0 END)`, 'in_range').addOrderBy('in_range', 'DESC');
    }
    for (const [name, b] of Object.entries(bounds)) {
      page.addSelect(`SUM(CASE WHEN ${b.outside} THEN 1 ELSE 0 END) OVER ()`, `outside_${name}`);
    }
    page.addSelect('COUNT(*) OVER ()', 'total_count');
  } else given.forEach((b) => page.andWhere(b.within));
  // A computed key is selected under a name of its own; selecting a column again would take its place in the entity.
  const ordered = keys.map((key, i) => (key.property ? key.sql : `sort_key_${i}`));
  keys.forEach((key, i) => key.property || page.addSelect(key.sql, ordered[i]));
  keys.forEach((_, i) => page.addOrderBy(ordered[i], reading[i]));
  page.addOrderBy(`${query.alias}.id`, reading[keys.length]);
  return { page, ordered };
}

/**
 * Keyset pagination over keys computed in SQL, then the id: a stable total order, so no row repeats or
 * vanishes across pages. The cursor carries the key values, never a float that could round differently:
 * the callers make their keys integers or strings. Every row's cursor is given out (edges), and any of
 * them may be passed as `after` or `before`.
 *
 * A backward page (`last`) reads the same order reversed, from `before` (or the end) back, LIMIT last+1,
 * and turns the rows round: the same indexes answer it, read the other way. Whether rows lie beyond the
 * cursor the page starts from is one more look in the same order (LIMIT 1).
 *
 * When a key is computed (a rank, a distance) no index gives the order, so the database sorts every row
 * of the filter anyway: one statement then gives the page, counts them all (COUNT(*) OVER ()) and counts
 * those beyond each cursor, the rows outside the cursors sorted last rather than filtered out. Otherwise
 * the page comes in index order, reading only the rows it shows, and a second statement counts.
 */
export async function paginateByKeys<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  keys: SortKey[],
): Promise<KeyedPage<T>> {
  const { size, backward } = pageWindow(args);
  const alias = query.alias;
  const columns = [...keys.map((key) => key.sql), `${alias}.id`];
  const forward: Direction[] = [...keys.map((key) => key.direction), 'ASC'];
  const bounds: Partial<Record<CursorArg, Bound>> = {};
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor !== null && cursor !== undefined) bounds[name] = bound(decode(cursor, keys, name), name, columns, forward);
  }
  const given = Object.values(bounds);
  const countInPage = keys.some((key) => !key.property);
  const reading = backward ? forward.map(opposite) : forward;
  const { page, ordered } = pageStatement(query, keys, bounds, reading, countInPage);
  const { entities, raw } = await page.limit(size + 1).getRawAndEntities();
  const rows = raw as Record<string, unknown>[];
  const totalCount = countInPage ? Number(rows[0]?.total_count ?? 0) : await query.clone().getCount();
  const kept = entities
    .map((entity, row) => ({ entity, row }))
    .filter(({ row }) => given.length === 0 || !countInPage || Number(rows[row].in_range) === 1);
  const more = kept.length > size;
  const shown = kept.slice(0, size);
  if (backward) shown.reverse();
  const values = shown.map(({ entity, row }) =>
    keys.map((key, i) => {
      const value: unknown = key.property ? entity[key.property] : rows[row][ordered[i]];
      return key.numeric ? Number(value) : String(value);
    }),
  );
  const nodes = shown.map(({ entity }) => entity);
  const edges = nodes.map((node, i) => ({ cursor: encode(values[i], node.id), node }));
  /** Whether any row of the filter lies on the far side of the cursor `name` (its own row included). */
  const outside = async (name: CursorArg): Promise<boolean> => {
    const b = bounds[name];
    if (!b) return false;
    // A computed order counted them in the page's statement (over the whole filter, so also on an empty page).
    if (countInPage) return Number(rows[0]?.[`outside_${name}`] ?? 0) > 0;
    return exists(query, b, columns);
  };
  const [previous, next] = await Promise.all([outside('after'), outside('before')]);
  return {
    nodes,
    edges,
    keys: values,
    totalCount,
    pageInfo: {
      hasPreviousPage: (backward && more) || previous,
      hasNextPage: (!backward && more) || next,
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
  return paginateByKeys(list.query, args, list.keys);
}
