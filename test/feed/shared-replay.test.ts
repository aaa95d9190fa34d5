import { parse } from 'graphql';
import type { FeedEndpoints } from '../../gateway/subscriptions/endpoints';
import { EventHub } from '../../gateway/subscriptions/hub';
import type { FeedRequest } from '../../gateway/subscriptions/request';
import type { Subscriber } from '../../gateway/subscriptions/subscriber';
import { createLogger } from '../../services/platform/logger';

const HEAD = 250;

/** The owning subgraph's feed routes over a log of HEAD events, counting the calls; `events` answers after `delayMs`. */
function fakeSubgraph(delayMs = 0) {
  const calls = { events: 0 };
  const endpoints = {
    head: () => Promise.resolve(HEAD),
    events: async (_service: string, _field: string, _call: unknown, _auth: unknown, after: number, until: number) => {
      calls.events += 1;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const last = Math.min(until, after + 100);
      const events = Array.from({ length: last - after }, (_, i) => ({ id: after + i + 1, data: { id: after + i + 1 } }));
      return { events, last };
    },
  } as unknown as FeedEndpoints;
  return { endpoints, calls };
}

const request = (after: number | null): FeedRequest =>
  ({
    query: 'subscription { events { id } }',
    document: parse('subscription { events { id } }'),
    operationName: undefined,
    variables: {},
    plan: { service: 'agreements', field: 'events' },
    call: { query: '', variables: {} },
    authorization: null,
    after,
    release: () => undefined,
  }) as unknown as FeedRequest;

async function take(subscriber: Subscriber, count: number): Promise<unknown[]> {
  const got = [];
  for (let i = 0; i < count; i += 1) got.push((await subscriber.next()).value);
  return got;
}

describe('the hub replays a log once for the subscribers that start at the same place', () => {
  let hub: EventHub;
  afterEach(() => hub.stop());

  it('reads and completes each event once for ten subscribers with the same after, and hands each of them all', async () => {
    const { endpoints, calls } = fakeSubgraph();
    let completed = 0;
    const execute = (_request: FeedRequest, event: { id: number }) => {
      completed += 1;
      return Promise.resolve({ data: { id: event.id } });
    };
    hub = new EventHub(endpoints, execute, createLogger('test', 'silent'), 50, { maxReplays: 1, maxQueuedReplays: 1 });
    const subscribers = Array.from({ length: 10 }, () => hub.subscribe(request(0)));
    const received = await Promise.all(subscribers.map((subscriber) => take(subscriber, HEAD)));
    for (const got of received) expect(got.map((result) => (result as { data: { id: number } }).data.id)).toEqual(range(1, HEAD));
    expect(calls.events).toBe(3);
    expect(completed).toBe(HEAD);
  });

  it('stops a replay whose subscribers have all left, and never starts one left before its turn', async () => {
    const { endpoints, calls } = fakeSubgraph(30);
    let completed = 0;
    const execute = () => {
      completed += 1;
      return Promise.resolve({ data: {} });
    };
    hub = new EventHub(endpoints, execute, createLogger('test', 'silent'), 50, { maxReplays: 1, maxQueuedReplays: 5 });
    const first = hub.subscribe(request(0));
    const waiting = hub.subscribe(request(100));
    await first.next();
    await first.return();
    await waiting.return();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls.events).toBe(1);
    expect(completed).toBeLessThanOrEqual(2);
    expect(hub.replays.counts).toEqual({ running: 0, queued: 0 });
  });

  it('tells a subscriber to come back when the replays are all taken and the queue is full', async () => {
    const { endpoints } = fakeSubgraph(200);
    hub = new EventHub(endpoints, () => Promise.resolve({ data: {} }), createLogger('test', 'silent'), 50, {
      maxReplays: 1,
      maxQueuedReplays: 1,
    });
    hub.subscribe(request(0));
    hub.subscribe(request(1));
    const refused = await hub.subscribe(request(2)).next();
    expect(refused.value).toEqual({
      errors: [
        expect.objectContaining({
          message: expect.stringContaining('resubscribe with after: "2"'),
          extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 },
        }),
      ],
    });
  });
});

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
