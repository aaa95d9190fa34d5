import { ArgsType, Field, Int, ObjectType, Directive } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import { paginateByKeys } from './keyset';

// In a module of their own, free of decorators: the gateway reads them without loading type-graphql.
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

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

/**
 * Keyset pagination over `alias.sortColumn, alias.id`, a stable total order: a row inserted while a
 * client pages never makes another repeat or vanish. The one-column case of paginateByKeys.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  sort: { column: string; property: keyof T & string },
): Promise<Page<T>> {
  const key = { sql: `${query.alias}.${sort.column}`, direction: 'ASC' as const, numeric: false, property: sort.property };
  const { nodes, pageInfo, totalCount } = await paginateByKeys(query, args, [key]);
  return { nodes, pageInfo, totalCount };
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
