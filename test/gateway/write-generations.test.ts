import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WriteGenerations } from '../../gateway/write-generations';
import { createLogger } from '../../services/platform/logger';
import { WATCH_HOLD_MS, WATCH_LEASE_MS } from '../../services/platform/write-generation-route';
import { until } from '../helpers/until';

/**
 * A stand-in subgraph answering GET /generation as services/kit/write-generation.ts does: a watch request
 * at once when `after` is not its generation, else held until `raise` or until WATCH_HOLD_MS pass; or not at
 * all once `hang` is set.
 */
function generationServer() {
  const state = { generation: 1, hang: false, requests: 0 };
  const held = new Set<() => void>();
  const server = http.createServer((req, res) => {
    state.requests += 1;
    if (state.hang) return;
    const after = new URL(req.url ?? '/', 'http://x').searchParams.get('after');
    const answer = () => {
      held.delete(answer);
      if (!res.writableEnded)
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ store: 'store', generation: String(state.generation) }));
    };
    if (after !== `store:${state.generation}`) return answer();
    held.add(answer);
    setTimeout(answer, WATCH_HOLD_MS);
  });
  const raise = () => {
    state.generation += 1;
    for (const answer of [...held]) answer();
  };
  return { server, state, raise };
}

/** Polls the watch's state every 5 ms, for 3 s unless told otherwise. */
const watchUntil = (condition: () => boolean, ms = 3000) => until(condition, ms, 5);

describe("the gateway's watch of a subgraph's write generation", () => {
  const log = createLogger('write-generations-test', 'silent');

  const start = async () => {
    const subgraph = generationServer();
    await new Promise<void>((resolve) => subgraph.server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(subgraph.server.address() as AddressInfo).port}/graphql`;
    const generations = new WriteGenerations({ organizations: url }, 'Bearer key', 2000, log);
    generations.watch();
    const stop = async () => {
      generations.stop();
      subgraph.server.closeAllConnections();
      await new Promise<void>((resolve) => subgraph.server.close(() => resolve()));
    };
    return { ...subgraph, generations, stop };
  };

  it('knows the generation without a request per read, learns a new one, and never goes back to the old', async () => {
    const watched = await start();
    try {
      await watchUntil(() => watched.generations.current('organizations') === 'store:1');
      expect(watched.generations.known('organizations')).toBe('store:1');
      watched.raise();
      await watchUntil(() => watched.generations.current('organizations') === 'store:2');
      // Reads for a while: only the watch's own requests, each held up to WATCH_HOLD_MS; never the old generation
      // (undefined, a lapsed lease on a starved machine, would be safe: the checks would stand in).
      const asked = watched.state.requests;
      const started = Date.now();
      while (Date.now() - started < 300) {
        expect(watched.generations.current('organizations')).not.toBe('store:1');
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      expect(watched.state.requests - asked).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / WATCH_HOLD_MS) + 2);
    } finally {
      await watched.stop();
    }
  });

  it('vouches for nothing once the subgraph is gone, or a lease after it stopped answering', async () => {
    const gone = await start();
    await watchUntil(() => gone.generations.current('organizations') === 'store:1');
    gone.server.closeAllConnections();
    gone.server.close();
    await watchUntil(() => gone.generations.current('organizations') === undefined, WATCH_LEASE_MS + 1000);
    // Nothing read by a check either: an answer stored before cannot be served on what the watch said.
    expect(gone.generations.known('organizations')).toBeNull();
    gone.generations.stop();

    const silent = await start();
    try {
      await watchUntil(() => silent.generations.current('organizations') === 'store:1');
      silent.state.hang = true;
      // The lease runs from when the last answered request was sent, before the subgraph went silent.
      await new Promise((resolve) => setTimeout(resolve, WATCH_LEASE_MS + 20));
      expect(silent.generations.current('organizations')).toBeUndefined();
    } finally {
      await silent.stop();
    }
  });
});
