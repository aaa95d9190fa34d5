import { FeedClient } from '../helpers/feed-client';
import { startGraph, TestGraph } from '../helpers/graph';

/** The sum of a counter's series on one server's /metrics whose labels include `labels`. */
async function counter(graphqlUrl: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const series = Object.fromEntries([...line.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => series[key] === value)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the live feed reads an event log only while someone subscribes to it', () => {
  let graph: TestGraph;
  const agreementsUrl = () => graph.subgraphs.agreements.url;
  /** What the agreements subgraph has answered: its feed routes, and GraphQL operations (client traffic). */
  const traffic = async () => ({
    feed: await counter(agreementsUrl(), 'enlace_http_responses_total', { route: '/feeds' }),
    graphql: await counter(agreementsUrl(), 'enlace_graphql_requests_total'),
  });

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('sends the agreements subgraph nothing without a subscriber, polls it with one, and stops when it leaves', async () => {
    const idle = await traffic();
    await sleep(1000);
    expect(await traffic()).toEqual(idle);

    const client = await FeedClient.connect(graph.url);
    client.subscribe('s', 'subscription { agreementEvents { id kind } }');
    await sleep(1000);
    const watched = await traffic();
    // About ten head reads a second, counted under /feeds: none of them is a GraphQL operation.
    expect(watched.feed - idle.feed).toBeGreaterThanOrEqual(5);
    expect(watched.graphql).toBe(idle.graphql);

    client.complete('s');
    const deadline = Date.now() + 2000;
    while (graph.gateway.feed.subscribers() > 0 && Date.now() < deadline) await sleep(20);
    expect(graph.gateway.feed.subscribers()).toBe(0);
    await sleep(300);
    const left = await traffic();
    await sleep(1000);
    expect(await traffic()).toEqual(left);
    client.close();
  });
});
