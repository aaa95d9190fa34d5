import http from 'node:http';
import { onStopSignal } from '../../services/platform/http';
import { createLogger } from '../../services/platform/logger';
import { startSubgraph } from '../../services/kit/subgraph';
import { SUBGRAPH_DEFINITIONS } from '../../services/subgraphs';
import { FeedClient } from '../helpers/feed-client';
import { startGraph, TestGraph } from '../helpers/graph';
import { holdRequest, refused } from '../helpers/held-request';

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
      await new Promise<void>((resolve, reject) =>
        http.get(subgraph.url.replace('/graphql', '/health'), { agent }, (res) => res.resume().on('end', resolve)).on('error', reject),
      );
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
        for (const deadline = Date.now() + 10_000; exit.mock.calls.length === 0 && Date.now() < deadline;) {
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
