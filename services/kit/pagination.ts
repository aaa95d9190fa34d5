import { Arg, ArgsType, Field, Int, ObjectType, Directive } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../platform/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../platform/limits';

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

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}, got ${first}.`, 'first');
  }
  return first;
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

/** The description of the `first` argument of a list that is not a connection. */
export const FIRST_DESCRIPTION = `At most this many, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`;

/**
 * The `first` argument of a list field that is not a connection (a nested list that grows with the data).
 * Its default is declared in the schema, so the edge prices the list at it; validate it with pageSize.
 */
export function FirstArg(): ReturnType<typeof Arg> {
  return Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: FIRST_DESCRIPTION });
}

/** How the rows of many parents' lists are told apart and ordered, as SQL of the query's aliases. */
export interface ListOfEach {
  /** The key of the parent a row belongs to (a country code, an organization id). */
  parent: string;
  /** The key of the row within its parent's list. */
  id: string;
  /** The order of each list, every term ascending, the last one unique within a list. */
  order: string[];
}

/**
 * Narrows a query of the rows of many parents' lists (a loader's batch) to the first `first` of each list,
 * inside the database, and orders it: a DataLoader asks for many parents in one statement, so a LIMIT would
 * bound the batch, not each list. DENSE_RANK() OVER (PARTITION BY parent ...) (SQLite >= 3.25, MariaDB >=
 * 10.2, MySQL 8) numbers each list; it is ROW_NUMBER for distinct rows, and a row met twice under one parent
 * (a link named twice) ranks once, so a list still holds `first` distinct rows. The page size is a parameter:
 * one statement text whatever its value.
 */
export function firstOfEach<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, list: ListOfEach, first: number): SelectQueryBuilder<T> {
  const ranked = query
    .clone()
    .orderBy()
    .distinct(true)
    .select(list.parent, 'parent')
    .addSelect(list.id, 'id')
    .addSelect(`DENSE_RANK() OVER (PARTITION BY ${list.parent} ORDER BY ${list.order.join(', ')})`, 'rn');
  const limited = query.innerJoin(
    `(${ranked.getQuery()})`,
    'ranked',
    `ranked.parent = ${list.parent} AND ranked.id = ${list.id} AND ranked.rn <= :firstOfEach`,
    { firstOfEach: first },
  );
  limited.orderBy(list.order[0], 'ASC');
  for (const term of list.order.slice(1)) limited.addOrderBy(term, 'ASC');
  return limited;
}
