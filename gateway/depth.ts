/** How deep an operation may nest fields: the edge (edge.ts) refuses deeper queries, mutations and subscriptions. */
export const MAX_QUERY_DEPTH = 12;
