import type { TestGraph } from './graph';

/** Rows in every table of every subgraph: equal before and after means nothing was written. */
export async function rowCounts(graph: TestGraph): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const subgraph of Object.values(graph.subgraphs)) {
    for (const entity of subgraph.db.entityMetadatas) {
      counts[`${subgraph.name}.${entity.tableName}`] = await subgraph.db.getRepository(entity.target).count();
    }
  }
  return counts;
}
