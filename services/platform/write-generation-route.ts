/**
 * GET <subgraph>/generation: the subgraph's write generation and its store's id,
 * `{ "store": "<uuid>", "generation": "<n>" }`, for the gateway's feed key only. Served by every subgraph
 * (services/kit/write-generation.ts), read by the gateway's response cache (gateway/response-cache.ts):
 * here, where both sides may import it.
 */
export const GENERATION_ROUTE = '/generation';
