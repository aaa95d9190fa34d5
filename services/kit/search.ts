import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { FullTextTable, fullTextSql, searchWords } from './full-text';
import { columnKey, type SortKey } from './keyset';

/**
 * Narrows the query to the rows matching the search and gives the order of its results: relevance
 * (every word in a title column first), then `sortColumn`, then id (added by paginateByKeys).
 * A search with no word to look for matches nothing rather than everything.
 */
export function applySearch<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  index: FullTextTable,
  term: string,
  sortColumn: string,
): SortKey[] {
  const alias = query.alias;
  const words = searchWords(term);
  let rank = '0';
  if (words.length === 0) query.andWhere('1 = 0');
  else {
    const search = fullTextSql(query.connection, index, alias, words);
    query.andWhere(search.where, search.parameters);
    rank = search.rank;
  }
  return [{ sql: rank, direction: 'DESC', numeric: true }, columnKey(alias, sortColumn)];
}
