import WebSocket from 'ws';
import { startGateway, type RunningGateway } from '../../gateway/gateway';
import { MAX_PENDING, Subscriber } from '../../gateway/subscriptions/subscriber';
import { SUBGRAPHS } from '../../services/platform/config';
import { FeedClient } from '../helpers/feed-client';
import { startGraph, TestGraph } from '../helpers/graph';

describe('limits of the live feed', () => {
  describe('through a gateway with low limits', () => {
    let graph: TestGraph;
    let gateway: RunningGateway;
    const clients: FeedClient[] = [];
    beforeAll(async () => {
      graph = await startGraph();
      gateway = await startGateway(graph.config, {
        port: 0,
        subgraphUrls: Object.fromEntries(SUBGRAPHS.map((name) => [name, graph.subgraphs[name].url])),
        subscriptionLimits: { maxConnectionsPerAddress: 2, maxSubscriptionsPerConnection: 2, keepAliveMs: 300 },
      });
    });
    afterEach(() => clients.splice(0).forEach((client) => client.close()));
    afterAll(async () => {
      await gateway.stop();
      await graph.stop();
    });

    it('refuses a subscription over the per-connection limit with an error, keeping the others', async () => {
      const client = await FeedClient.connect(gateway.url);
      clients.push(client);
      for (const id of ['a', 'b', 'c']) client.subscribe(id, 'subscription { agreementEvents { id } }');
      const refused = await client.waitFor((m) => m.id === 'c');
      expect(refused.type).toBe('error');
      expect(refused.payload[0].message).toMatch(/At most 2 subscriptions/);
      expect(client.open).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(client.messages.filter((m) => m.id === 'a' || m.id === 'b')).toEqual([]);
    });

    it('refuses a connection over the per-address limit with HTTP 429', async () => {
      clients.push(await FeedClient.connect(gateway.url), await FeedClient.connect(gateway.url));
      const status = await new Promise<number>((resolve) => {
        const socket = new WebSocket(gateway.url.replace('http', 'ws'), 'graphql-transport-ws');
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => resolve(101));
        socket.on('error', () => undefined);
      });
      expect(status).toBe(429);
    });

    it('counts an SSE stream as a connection of its address, next to its WebSockets', async () => {
      // The sockets of the tests before are closing: their places come back once the gateway sees them closed.
      for (let tries = 0; ; tries += 1) {
        try {
          clients.push(await FeedClient.connect(gateway.url));
          break;
        } catch (error) {
          if (tries > 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      const control = new AbortController();
      const sse = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: 'subscription { agreementEvents { id } }' }),
        signal: control.signal,
      });
      expect(sse.status).toBe(200);
      const over = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'multipart/mixed;subscriptionSpec="1.0"' },
        body: JSON.stringify({ query: 'subscription { agreementEvents { id } }' }),
      });
      expect(over.status).toBe(429);
      expect(((await over.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('RATE_LIMITED');
      control.abort();
    });

    it('sends a multipart subscription a {} heartbeat part while no event comes', async () => {
      const control = new AbortController();
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'multipart/mixed;subscriptionSpec="1.0"' },
        body: JSON.stringify({ query: 'subscription { agreementEvents { id } }' }),
        signal: control.signal,
      });
      expect(response.headers.get('content-type')).toBe('multipart/mixed;boundary="graphql";subscriptionSpec="1.0"');
      const reader = response.body!.getReader();
      let text = '';
      while (!text.includes('\r\n\r\n{}\r\n--graphql')) text += new TextDecoder().decode((await reader.read()).value);
      control.abort();
    });
  });

  describe('a slow consumer', () => {
    it('is ended with an error naming where to resume, instead of a queue that grows without bound', async () => {
      let ended = false;
      const subscriber = new Subscriber(0, () => (ended = true));
      subscriber.live = true;
      for (let id = 1; id <= MAX_PENDING + 5; id += 1) subscriber.push(id, { data: { id } });
      const first = await subscriber.next();
      expect(first.value).toEqual({ errors: [expect.objectContaining({ message: expect.stringContaining('after: "0"') })] });
      expect((await subscriber.next()).done).toBe(true);
      expect(ended).toBe(true);
    });

    it('keeps every result in order while it keeps up', async () => {
      const subscriber = new Subscriber(0, () => undefined);
      for (let id = 1; id <= 5; id += 1) subscriber.push(id, { data: { id } });
      subscriber.push(3, { data: { id: 3 } });
      const got = [];
      for (let i = 0; i < 5; i += 1) got.push((await subscriber.next()).value);
      expect(got).toEqual([1, 2, 3, 4, 5].map((id) => ({ data: { id } })));
    });
  });
});
