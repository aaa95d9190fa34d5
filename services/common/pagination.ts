import { ArgsType, Field, Int, ObjectType, Directive } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a connection ends, and whether another follows.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page; null on an empty page.' })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

type SortValue = string | number;

interface Cursor {
  sort: SortValue;
  id: string;
}

export function encodeCursor(sort: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([sort, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  const invalid = () => badInput('The cursor in `after` is not one this API gave out; pass a pageInfo.endCursor.', 'after');
  if (cursor.length > 1000) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !['string', 'number'].includes(typeof parsed[0]) ||
    typeof parsed[1] !== 'string'
  ) {
    throw invalid();
  }
  return { sort: parsed[0], id: parsed[1] };
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}, got ${first}.`, 'first');
  }
  return first;
}

/**
 * Keyset pagination over `alias.sortColumn, alias.id`, a stable total order: a row inserted while a
 * client pages never makes another repeat or vanish. Two statements: the page and the count.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  sort: { column: string; property: keyof T & string },
): Promise<Page<T>> {
  const limit = pageSize(args.first);
  const cursor = args.after ? decodeCursor(args.after) : null;
  const alias = query.alias;
  const totalCount = await query.clone().getCount();
  const page = query.clone();
  if (cursor) {
    page.andWhere(
      `(${alias}.${sort.column} > :cursorSort OR (${alias}.${sort.column} = :cursorSort AND ${alias}.id > :cursorId))`,
      { cursorSort: cursor.sort, cursorId: cursor.id },
    );
  }
  const rows = await page
    .orderBy(`${alias}.${sort.column}`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .take(limit + 1)
    .getMany();
  const nodes = rows.slice(0, limit);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      endCursor: last ? encodeCursor(last[sort.property] as SortValue, last.id) : null,
    },
  };
}

/** The shape of every XConnection type: `class XConnection extends Connection(X) {}`. */
export function Connection<T extends object>(node: new () => T) {
  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [node], { description: 'The items of this page, in a stable order.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where this page ends.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items match the filter, over all pages.' })
    totalCount: number;
  }
  return ConnectionClass;
}
