import http from 'node:http';
import { onStopSignal } from '../../services/common/http';
import { createLogger } from '../../services/common/logger';
import { startSubgraph } from '../../services/common/subgraph';
import { SUBGRAPH_DEFINITIONS } from '../../services/subgraphs';
import { FeedClient } from '../helpers/feed-client';
import { startGraph, TestGraph } from '../helpers/graph';

interface HeldRequest {
  /** Sends the rest of the body; resolves with the answer. */
  finish: () => Promise<{ status: number; connection: string | undefined; body: any }>;
  /** Settles when the server cuts the request: the error, or null if it was answered. */
  cut: Promise<Error | null>;
}

/**
 * A POST whose body stops halfway: in flight on the server for as long as the test wants. Sent with
 * `Expect: 100-continue`, so that it resolves only once the server has the request (it answers 100).
 */
function holdRequest(url: string, query: string): Promise<HeldRequest> {
  const body = JSON.stringify({ query });
  const half = Math.floor(body.length / 2);
  return new Promise((resolve, reject) => {
    let answer: (value: Awaited<ReturnType<HeldRequest['finish']>>) => void;
    let fail: (error: Error) => void;
    const answered = new Promise<Awaited<ReturnType<HeldRequest['finish']>>>((done, failed) => ((answer = done), (fail = failed)));
    let settleCut: (error: Error | null) => void;
    const cut = new Promise<Error | null>((done) => (settleCut = done));
    const request = http.request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue' } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          settleCut(null);
          answer({ status: response.statusCode ?? 0, connection: response.headers.connection, body: JSON.parse(text) });
        });
      },
    );
    request.on('error', (error) => {
      settleCut(error);
      fail(error);
      reject(error);
    });
    answered.catch(() => undefined); // read by finish() only
    request.once('continue', () => {
      request.write(body.slice(0, half));
      resolve({
        cut,
        finish: () => {
          request.end(body.slice(half));
          return answered;
        },
      });
    });
    request.flushHeaders();
  });
}

/** Whether a new connection to the port is refused. */
const refused = (url: string) =>
  new Promise<boolean>((resolve) => {
    http.get(url.replace('/graphql', '/health'), { agent: false }, (res) => resolve(!res.resume())).on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });

describe('stopping gracefully', () => {
  describe('a subgraph', () => {
    let graph: TestGraph;
    beforeAll(async () => {
      graph = await startGraph();
    });
    afterAll(() => graph.stop());

    it('answers a request in flight, refuses new connections, and closes its database after the answer', async () => {
      const practices = graph.subgraphs.practices;
      const held = await holdRequest(practices.url, '{ practices(first: 2) { totalCount nodes { title } } }');
      const stopped = practices.stop();
      expect(await refused(practices.url)).toBe(true);
      const answer = await held.finish();
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.practices.nodes).toHaveLength(2);
      expect(answer.connection).toBe('close');
      await stopped;
      expect(practices.db.isInitialized).toBe(false);
      graph.subgraphs.practices = await startSubgraph(SUBGRAPH_DEFINITIONS.practices, graph.config, 0);
    });

    it('cuts a request still in flight when SHUTDOWN_GRACE_MS is over', async () => {
      const subgraph = await startSubgraph(SUBGRAPH_DEFINITIONS.authorities, { ...graph.config, shutdownGraceMs: 200 }, 0);
      const held = await holdRequest(subgraph.url, '{ countries { code } }');
      const started = Date.now();
      await subgraph.stop();
      expect(Date.now() - started).toBeLessThan(2000);
      expect((await held.cut)?.message).toMatch(/socket hang up|ECONNRESET/);
    });

    it('is not held up by an idle kept-alive connection', async () => {
      const subgraph = await startSubgraph(SUBGRAPH_DEFINITIONS.authorities, graph.config, 0);
      const agent = new http.Agent({ keepAlive: true });
      await new Promise<void>((resolve, reject) => http.get(subgraph.url.replace('/graphql', '/health'), { agent }, (res) => res.resume().on('end', resolve)).on('error', reject));
      const started = Date.now();
      await subgraph.stop();
      expect(Date.now() - started).toBeLessThan(1000);
      agent.destroy();
    });
  });

  describe('on SIGTERM', () => {
    it('drains once however many signals come, then exits with 0', async () => {
      const graph = await startGraph();
      const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
      const before = { SIGTERM: process.listeners('SIGTERM'), SIGINT: process.listeners('SIGINT') };
      const subgraph = graph.subgraphs.authorities;
      const stop = jest.fn(subgraph.stop);
      try {
        onStopSignal(createLogger('authorities', 'silent'), stop);
        const held = await holdRequest(subgraph.url, '{ country(code: "GT") { name } }');
        process.emit('SIGTERM', 'SIGTERM');
        process.emit('SIGINT', 'SIGINT');
        expect(await refused(subgraph.url)).toBe(true);
        const answer = await held.finish();
        expect(answer.body.data.country.name).toBe('Guatemala');
        for (const deadline = Date.now() + 10_000; exit.mock.calls.length === 0 && Date.now() < deadline; ) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(stop).toHaveBeenCalledTimes(1);
        expect(exit).toHaveBeenCalledTimes(1);
        expect(exit).toHaveBeenCalledWith(0);
      } finally {
        for (const signal of ['SIGTERM', 'SIGINT'] as const) {
          for (const listener of process.listeners(signal)) if (!before[signal].includes(listener)) process.off(signal, listener);
        }
        exit.mockRestore();
        await graph.stop();
      }
    });
  });

  describe('the gateway', () => {
    let graph: TestGraph;
    beforeAll(async () => {
      graph = await startGraph();
    });
    afterAll(() => graph.stop());

    it('answers a request in flight, refuses new connections and closes the live feed with 1001', async () => {
      const feed = await FeedClient.connect(graph.url);
      const held = await holdRequest(graph.url, '{ country(code: "GT") { name authorities { name } practices { title } } }');
      const stopped = graph.gateway.stop();
      expect(await refused(graph.url)).toBe(true);
      expect((await feed.closed).code).toBe(1001);
      const answer = await held.finish();
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.country.name).toBe('Guatemala');
      expect(answer.body.data.country.practices.length).toBeGreaterThan(0);
      await stopped;
    });
  });
});
