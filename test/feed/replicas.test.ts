import { startGateway, type RunningGateway } from '../../gateway/gateway';
import { SUBGRAPHS } from '../../services/platform/config';
import { startSubgraph, type RunningSubgraph } from '../../services/kit/subgraph';
import { agreementsSubgraph } from '../../services/agreements/subgraph';
import { asViewer, tokenFor, viewer } from '../helpers/auth';
import { FeedClient } from '../helpers/feed-client';
import { startGraph, TestGraph } from '../helpers/graph';

const CREATE = `mutation($title: String!) {
  createAgreement(input: { title: $title, kind: MULTILATERAL, parties: [{ country: "GT" }, { country: "HN" }, { country: "SV" }] }) { id }
}`;
const FEED =
  'subscription($after: ID) { agreementEvents(filter: { after: $after }) { id kind agreement { title parties { country { name } } } } }';
const secretariat = viewer('SECRETARIAT');

/** Two `agreements` processes on one store, and a second gateway in front of the second one. */
describe('the live feed with several processes', () => {
  let graph: TestGraph;
  let secondAgreements: RunningSubgraph;
  const gateways: RunningGateway[] = [];
  const clients: FeedClient[] = [];

  const startSecondGateway = () =>
    startGateway(graph.config, {
      port: 0,
      subgraphUrls: { ...Object.fromEntries(SUBGRAPHS.map((name) => [name, graph.subgraphs[name].url])), agreements: secondAgreements.url },
    });
  const post = async (url: string, query: string, variables: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asViewer(secretariat) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const lastId = async () => Number((await post(graph.url, '{ lastAgreementEventId }', {})).lastAgreementEventId);

  beforeAll(async () => {
    graph = await startGraph();
    secondAgreements = await startSubgraph(agreementsSubgraph, graph.config, 0);
    gateways.push(await startSecondGateway());
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    await secondAgreements.stop();
    await graph.stop();
  });

  it('gives every subscriber of either gateway every event exactly once, in order', async () => {
    const start = await lastId();
    const urls = [graph.url, gateways[0].url];
    for (const url of urls) {
      for (let i = 0; i < 3; i += 1) {
        const client = await FeedClient.connect(url, `Bearer ${tokenFor(secretariat)}`);
        client.subscribe('all', FEED);
        clients.push(client);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 10; i += 1) await post(urls[i % 2], CREATE, { title: `Acuerdo ${i}` });
    const expected = Array.from({ length: 10 }, (_, i) => start + 1 + i);
    for (const client of clients) {
      await client.waitFor((m) => Number(m.payload?.data?.agreementEvents?.id) === start + 10, 3000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(client.events('all').map((e) => Number(e.data.agreementEvents.id))).toEqual(expected);
    }
    expect(clients[0].events('all')[0].data.agreementEvents.agreement.parties[1].country.name).toBe('Honduras');
  });

  it('lets a client resume after a gateway restart without missing or repeating an event', async () => {
    const first = await FeedClient.connect(gateways[0].url, `Bearer ${tokenFor(secretariat)}`);
    first.subscribe('f', FEED);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await post(graph.url, CREATE, { title: 'Antes del reinicio' });
    const seen = await first.waitFor((m) => m.id === 'f' && m.type === 'next', 2000);
    const lastSeen = seen.payload.data.agreementEvents.id as string;

    await gateways.shift()!.stop();
    expect((await first.closed).code).toBe(1001);
    await post(graph.url, CREATE, { title: 'Durante el reinicio 1' });
    await post(graph.url, CREATE, { title: 'Durante el reinicio 2' });
    gateways.push(await startSecondGateway());

    const again = await FeedClient.connect(gateways[0].url, `Bearer ${tokenFor(secretariat)}`);
    clients.push(again);
    again.subscribe('f', FEED, { after: lastSeen });
    await again.waitFor((m) => m.payload?.data?.agreementEvents?.agreement?.title === 'Durante el reinicio 2', 2000);
    await post(graph.url, CREATE, { title: 'Después del reinicio' });
    await again.waitFor((m) => m.payload?.data?.agreementEvents?.agreement?.title === 'Después del reinicio', 2000);
    const titles = again.events('f').map((e) => e.data.agreementEvents.agreement.title);
    expect(titles).toEqual(['Durante el reinicio 1', 'Durante el reinicio 2', 'Después del reinicio']);
  });

  it('resolves an event once for many subscribers of the same selection', async () => {
    for (let i = 0; i < 20; i += 1) {
      const client = await FeedClient.connect(graph.url);
      client.subscribe('same', 'subscription { agreementEvents { id kind } }');
      clients.push(client);
    }
    // Only these 20 remain subscribed (earlier tests' sockets have closed), so every execution is theirs.
    const deadline = Date.now() + 5000;
    while (graph.gateway.feed.subscribers() !== 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(graph.gateway.feed.subscribers()).toBe(20);
    const before = graph.gateway.feed.executions();
    const { createAgreement } = await post(graph.url, CREATE, { title: 'Para muchos' });
    const signAll =
      'mutation($id: ID!) { gt: signAgreement(id: $id, country: "GT") { id } hn: signAgreement(id: $id, country: "HN") { id } sv: signAgreement(id: $id, country: "SV") { id } }';
    await post(graph.url, signAll, { id: createAgreement.id });
    await Promise.all(clients.map((client) => client.waitFor((m) => m.id === 'same' && m.type === 'next', 2000)));
    // Four events (the draft's CREATED and its first two signatures are resolved too, then found hidden), one group: four executions.
    expect(graph.gateway.feed.executions() - before).toBe(4);
  });
});
