import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A condition in SQL with its named parameters. */
export interface SqlCondition {
  sql: string;
  parameters: Record<string, unknown>;
}

/**
 * What one viewer may see of one kind of row, built once per request: each subgraph states its rule once
 * (services/<name>/visibility.ts) and both its SQL lists and its lookups of single rows ask here, so that a
 * row hidden from a list is hidden from a lookup too.
 */
export interface Visibility<T> {
  /** May the viewer see this row? A promise when the rule needs another row (loaded through a DataLoader). */
  canSee(row: T): boolean | Promise<boolean>;
  /** SQL that holds for the rows under `alias` the viewer may see; null when it sees every one. */
  sql(alias: string): SqlCondition | null;
}

/** Narrows a query on the rows of its main alias to those the viewer sees. */
export function whereVisible<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, visibility: Visibility<T>): SelectQueryBuilder<T> {
  const condition = visibility.sql(query.alias);
  return condition ? query.andWhere(condition.sql, condition.parameters) : query;
}

/**
 * The rows of a list the viewer may see, in their order, each once (the first of rows with the same key):
 * missing rows (null) are dropped. The rules that need another row ask for it in the same tick, so the
 * loads of one list make one batch.
 */
export async function visibleRows<T>(
  visibility: Visibility<T>,
  rows: readonly (T | null | undefined)[],
  keyOf: (row: T) => unknown = (row) => (row as { id?: unknown }).id,
): Promise<T[]> {
  const seen = new Set<unknown>();
  const unique = rows.filter((row): row is T => {
    if (row === null || row === undefined) return false;
    const key = keyOf(row);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const visible = await Promise.all(unique.map(async (row) => visibility.canSee(row)));
  return unique.filter((_, i) => visible[i]);
}
