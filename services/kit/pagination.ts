import { Arg, ArgsType, Field, Int, ObjectType, Directive } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../platform/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../platform/limits';

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a connection starts and ends, and whether more items lie on either side.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page (for a backward page: when any item lies at or after `before`).' })
  hasNextPage: boolean;

  @Field({ description: 'True when items come before this page (for a forward page: when any item lies at or before `after`).' })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the first edge: pass as `before` to get the page before; null on an empty page.',
  })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last edge: pass as `after` to get the next page; null on an empty page.',
  })
  endCursor: string | null;
}

/**
 * The page arguments of every connection, as in the Relay specification: `first` and `after` page forward,
 * `last` and `before` backward; `after` and `before` may narrow one page from both sides.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page forward: the first this many items after \`after\`, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE} when \`last\` is not given).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Items after this cursor: the endCursor of the previous page, or any edge cursor.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Page backward: the last this many items before \`before\`, 1 to ${MAX_PAGE_SIZE}. Not with \`first\`.`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Items before this cursor: the startCursor of the next page, or any edge cursor.' })
  before?: string | null;
}

/** One item of a page, with the cursor of its place in the list's order. */
export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  nodes: T[];
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

function checkedSize(size: number, name: 'first' | 'last'): number {
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`\`${name}\` must be between 1 and ${MAX_PAGE_SIZE}, got ${size}.`, name);
  }
  return size;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  return checkedSize(first, 'first');
}

/** Which way a page is read and how many items it holds: `last` reads backward from the end of the range. */
export interface PageWindow {
  size: number;
  backward: boolean;
}

/** The window of a connection's page arguments; `first` with `last` is refused, as Relay discourages it. */
export function pageWindow(args: PageArgs): PageWindow {
  const given = (value: number | null | undefined): value is number => value !== null && value !== undefined;
  if (given(args.first) && given(args.last)) {
    throw badInput('Give `first` (with `after`) to page forward or `last` (with `before`) to page backward, not both.', 'last');
  }
  if (given(args.last)) return { size: checkedSize(args.last, 'last'), backward: true };
  return { size: pageSize(args.first), backward: false };
}

/** The shape of every XConnection type: `class XConnection extends Connection(X) {}`; its edges are XEdge. */
export function Connection<T extends object>(node: new () => T) {
  @ObjectType(`${node.name}Edge`, { description: `One ${node.name} of a page, with its cursor.` })
  class EdgeClass {
    @Field({ description: 'Where this item stands in the order of the list: pass as `after` or `before`.' })
    cursor: string;

    @Field(() => node, { description: 'The item.' })
    node: T;
  }

  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [node], { description: 'The items of this page, in a stable order.' })
    nodes: T[];

    @Field(() => [EdgeClass], { description: 'The items of this page with their cursors, in the order of nodes.' })
    edges: Edge<T>[];

    @Field(() => PageInfo, { description: 'Where this page starts and ends.' })
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
