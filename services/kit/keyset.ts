import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../platform/errors';
import { pageSize, type Page, type PageArgs } from './pagination';

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

function decode(cursor: string, keys: SortKey[]): { values: KeyValue[]; id: string } {
  const invalid = () => badInput('The cursor in `after` is not one this API gave out for this filter; pass a pageInfo.endCursor.', 'after');
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

/** (k1, k2, ..., id) strictly after the cursor in the order of the keys, as SQL. */
function afterSql(keys: SortKey[], idSql: string): string {
  const columns = [...keys.map((key) => key.sql), idSql];
  const directions = [...keys.map((key) => key.direction), 'ASC'];
  const terms = columns.map((column, i) => {
    const equal = columns.slice(0, i).map((previous, j) => `${previous} = :keyset${j}`);
    const beyond = `${column} ${directions[i] === 'ASC' ? '>' : '<'} :keyset${i}`;
    return `(${[...equal, beyond].join(' AND ')})`;
  });
  return `(${terms.join(' OR ')})`;
}

/**
 * Keyset pagination over keys computed in SQL, then the id: a stable total order, so no row repeats or
 * vanishes across pages. The cursor carries the key values, never a float that could round differently:
 * the callers make their keys integers or strings.
 *
 * When a key is computed (a rank, a distance) no index gives the order, so the database sorts every row
 * of the filter anyway: one statement then gives the page and counts them all (COUNT(*) OVER ()), the
 * rows at or before the cursor sorted last rather than filtered out. Otherwise the page comes in index
 * order, reading only the rows it shows, and a second statement counts.
 */
export async function paginateByKeys<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  keys: SortKey[],
): Promise<KeyedPage<T>> {
  const limit = pageSize(args.first);
  const cursor = args.after ? decode(args.after, keys) : null;
  const alias = query.alias;
  const countInPage = keys.some((key) => !key.property);
  const page = query.clone().orderBy();
  if (cursor) {
    const after = afterSql(keys, `${alias}.id`);
    page.setParameters(Object.fromEntries([...cursor.values, cursor.id].map((value, i) => [`keyset${i}`, value])));
    if (countInPage) page.addSelect(`(CASE WHEN ${after} THEN 1 ELSE 0 END)`, 'after_cursor').addOrderBy('after_cursor', 'DESC');
    else page.andWhere(after);
  }
  if (countInPage) page.addSelect('COUNT(*) OVER ()', 'total_count');
  // A computed key is selected under a name of its own; selecting a column again would take its place in the entity.
  const ordered = keys.map((key, i) => (key.property ? key.sql : `sort_key_${i}`));
  keys.forEach((key, i) => key.property || page.addSelect(key.sql, ordered[i]));
  keys.forEach((key, i) => page.addOrderBy(ordered[i], key.direction));
  const { entities, raw } = await page
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(limit + 1)
    .getRawAndEntities();
  const rows = raw as Record<string, unknown>[];
  const totalCount = countInPage ? Number(rows[0]?.total_count ?? 0) : await query.clone().getCount();
  const kept = entities
    .map((entity, row) => ({ entity, row }))
    .filter(({ row }) => !cursor || !countInPage || Number(rows[row].after_cursor) === 1);
  const values = kept.map(({ entity, row }) =>
    keys.map((key, i) => {
      const value: unknown = key.property ? entity[key.property] : rows[row][ordered[i]];
      return key.numeric ? Number(value) : String(value);
    }),
  );
  const nodes = kept.slice(0, limit).map(({ entity }) => entity);
  const last = nodes.length - 1;
  return {
    nodes,
    keys: values.slice(0, limit),
    totalCount,
    pageInfo: { hasNextPage: kept.length > limit, endCursor: last >= 0 ? encode(values[last], nodes[last].id) : null },
  };
}

/** A page of a list built by its query builder (ListQuery), in the list's order. */
export function paginateList<T extends ObjectLiteral & { id: string }>(list: ListQuery<T>, args: PageArgs): Promise<KeyedPage<T>> {
  return paginateByKeys(list.query, args, list.keys);
}
