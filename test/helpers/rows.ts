import type { GraphResponse, TestGraph } from './graph';

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

/**
 * Sends (with `send`) an operation that must be refused with `code`, and `field` when given, and checks that no
 * row of any subgraph was added or removed; returns the answer's body.
 */
export async function refusedWithoutWrites(
  graph: TestGraph,
  send: () => Promise<GraphResponse['body']>,
  code: string,
  field?: string,
): Promise<GraphResponse['body']> {
  const before = await rowCounts(graph);
  const body = await send();
  expect(body.data ?? null).toBeNull();
  expect(body.errors?.[0].extensions?.code).toBe(code);
  if (field) expect(body.errors?.[0].extensions?.field).toBe(field);
  expect(await rowCounts(graph)).toEqual(before);
  return body;
}
