/**
 * GET <subgraph>/generation: the subgraph's write generation and its store's id,
 * `{ "store": "<uuid>", "generation": "<n>" }`, for the gateway's feed key only. Served by every subgraph
 * (services/kit/write-generation.ts), read by the gateway's response cache (gateway/response-cache.ts):
 * here, where both sides may import it.
 */
export const GENERATION_ROUTE = '/generation';

/**
 * The generation watch (GENERATION_ROUTE with `?watcher=<id>&after=<store:generation>`): a gateway asks
 * again as soon as it is answered, and the subgraph holds each request open up to WATCH_HOLD_MS, answering
 * at once when its generation is not `after`. A gateway trusts what it was told for WATCH_LEASE_MS from
 * when it sent the request that was answered (its lease), and the subgraph holds back the answer to each
 * write until every watcher whose lease may still run has asked again with the new generation (its
 * acknowledgement), or until that lease has run out. So no client is told a write succeeded while a
 * gateway could still serve an answer from before it.
 */
export const WATCH_HOLD_MS = 250;
export const WATCH_LEASE_MS = 1000;

/** A generation as a gateway holds it and sends it back as `after`: the store's id and the number, `<store>:<n>`. */
export const heldGeneration = ({ store, generation }: { store: string; generation: string }) => `${store}:${generation}`;

/** Whether `held` is `generation` or a later one of the same store (false for another store's, or a malformed one). */
export function reaches(held: string, generation: string): boolean {
  const at = held.lastIndexOf(':');
  const of = generation.lastIndexOf(':');
  if (at < 0 || of < 0 || held.slice(0, at) !== generation.slice(0, of)) return false;
  const [n, m] = [held.slice(at + 1), generation.slice(of + 1)];
  return /^\d+$/.test(n) && /^\d+$/.test(m) && BigInt(n) >= BigInt(m);
}
