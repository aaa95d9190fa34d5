import type { Viewer } from '../../services/platform/auth';
import { feedKeyHeader } from '../../services/platform/feed-key';
import { WATCH_HOLD_MS, WATCH_LEASE_MS } from '../../services/platform/write-generation-route';
import { asViewer, viewer } from '../helpers/auth';
import { TEST_FEED_KEY } from '../helpers/config';
import { startGateway, type RunningGateway } from '../../gateway/gateway';
import { startGraph, type TestGraph } from '../helpers/graph';
import { ADD, REGISTER, serviceInput, shelterInput, VERIFY } from '../organizations/fixtures';

const PAGE =
  '{ services(filter: { country: "GT" }, first: 5) { totalCount nodes { name type organization { name } country { nameEs } } } }';
const COUNT = '{ services(filter: { country: "GT" }, first: 1) { totalCount } }';

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] };
  fetches: number;
}

describe('the response cache (RESPONSE_CACHE=true)', () => {
  let graph: TestGraph;
  const member = viewer();
  const secretariat = viewer('SECRETARIAT');
  let organizationId = '';

  const send = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}, url = graph.url) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Answer['body'],
      fetches: Number(response.headers.get('x-subgraph-fetches') ?? -1),
    };
  };
  const as = (who: Viewer) => asViewer(who);
  const ok = async (query: string, variables: Record<string, unknown>, who: Viewer) => {
    const { body } = await send(query, variables, as(who));
    expect(body.errors).toBeUndefined();
    return body.data!;
  };

  beforeAll(async () => {
    graph = await startGraph({ RESPONSE_CACHE: 'true', MUTATION_RATE_LIMIT: '100000' });
    organizationId = (await ok(REGISTER, { i: { name: 'Red Caché', kind: 'NGO', country: 'GT' } }, member)).registerOrganization.id;
    await ok(VERIFY, { id: organizationId, s: 'VERIFIED' }, secretariat);
  });
  afterAll(() => graph?.stop());

  it("serves an anonymous query's answer again without asking the subgraphs, and says so in cache-control and age", async () => {
    let first = await send(PAGE);
    // The first answers also teach the gateway each subgraph's write generation; stored from then on.
    for (let i = 0; i < 3 && first.headers.get('age') === null; i += 1) first = await send(PAGE);
    const again = await send(PAGE);
    expect(again.body).toEqual(first.body);
    expect(again.body.errors).toBeUndefined();
    expect(again.headers.get('cache-control')).toBe('public, no-cache');
    expect(again.headers.get('age')).toMatch(/^\d+$/);
    expect(again.fetches).toBe(0);
  });

  it('serves GET queries too, with the content type each Accept header negotiates, the headers as first sent', async () => {
    const get = async (accept: string) => {
      const response = await fetch(`${graph.url}?${new URLSearchParams({ query: PAGE }).toString()}`, { headers: { accept } });
      return { headers: response.headers, body: (await response.json()) as Answer['body'] };
    };
    for (const accept of [
      'application/json',
      'application/graphql-response+json',
      'application/graphql-response+json, application/json;q=0.9',
    ]) {
      const first = await get(accept);
      let again = await get(accept);
      for (let i = 0; i < 3 && again.headers.get('age') === null; i += 1) again = await get(accept);
      again = await get(accept);
      expect(again.headers.get('age')).toMatch(/^\d+$/);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
      expect(again.headers.get('cache-control')).toBe('public, no-cache');
      expect(again.headers.get('x-subgraph-fetches')).toBe('0');
    }
  });

  it('leaves a GET whose variables or extensions are not JSON to Apollo Server, even when its query has a stored answer', async () => {
    const get = (params: Record<string, string> = {}) =>
      fetch(`${graph.url}?${new URLSearchParams({ query: PAGE, ...params }).toString()}`, { headers: { accept: 'application/json' } });
    let stored = await get();
    for (let i = 0; i < 4 && stored.headers.get('age') === null; i += 1) stored = await get();
    expect(stored.headers.get('age')).toMatch(/^\d+$/);
    for (const params of [{ variables: '{not JSON' }, { extensions: '{not JSON' }] as Record<string, string>[]) {
      const response = await get(params);
      expect(response.status).toBe(400);
      expect(response.headers.get('age')).toBeNull();
    }
  });

  it('never serves an answer older than a write: a loop of writes, each read at once, sees every one', async () => {
    const before = (await send(COUNT)).body.data!.services.totalCount as number;
    await send(COUNT);
    let stale = 0;
    for (let i = 1; i <= 15; i += 1) {
      await ok(ADD, { i: serviceInput(organizationId, { name: `Servicio en caché ${i}` }) }, member);
      const { body } = await send(COUNT);
      if (body.data!.services.totalCount !== before + i) stale += 1;
      // Read twice: the second may come from the cache, and must be as new.
      const { body: second } = await send(COUNT);
      if (second.data!.services.totalCount !== before + i) stale += 1;
    }
    expect(stale).toBe(0);
  });

  it('sees a write made straight to a subgraph, past the gateway, at the next read', async () => {
    const read = async () => (await send(COUNT)).body.data!.services.totalCount as number;
    const before = await read();
    expect(await read()).toBe(before);
    const organizations = graph.subgraphs.organizations.url;
    const added = await send(ADD, { i: serviceInput(organizationId, { name: 'Servicio directo' }) }, as(member), organizations);
    expect(added.body.errors).toBeUndefined();
    expect(await read()).toBe(before + 1);
  });

  it("never stores a signed-in viewer's answer, a mutation's, or one with errors", async () => {
    for (let i = 0; i < 2; i += 1) {
      const signedIn = await send(PAGE, {}, as(member));
      expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
      expect(signedIn.headers.get('age')).toBeNull();
      expect(signedIn.fetches).toBeGreaterThan(0);
    }
    const mutation = await send(ADD, { i: serviceInput(organizationId, { name: 'Servicio mutado' }) }, as(member));
    expect(mutation.headers.get('cache-control')).toBe('private, no-store');
    for (let i = 0; i < 3; i += 1) {
      const refused = await send('{ services(filter: { search: "x" }, first: 1000) { totalCount } }');
      expect(refused.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.headers.get('age')).toBeNull();
    }
  });

  it('never stores an operation that selects a CONFIDENTIAL field, although the anonymous reader gets null there', async () => {
    const query = '{ services(filter: { country: "GT", type: SHELTER }, first: 3) { nodes { name shelter { address availableBeds } } } }';
    for (let i = 0; i < 3; i += 1) {
      const answer = await send(query);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
      expect(answer.fetches).toBeGreaterThan(0);
    }
  });

  it('checks a stored answer against the watched generations: a run of hits asks the subgraph nothing', async () => {
    const metrics = graph.subgraphs.organizations.url.replace(/graphql$/, 'metrics');
    const generationRequests = async () => {
      const text = await (await fetch(metrics)).text();
      const counted = [...text.matchAll(/^enlace_http_responses_total\{route="\/generation",[^}]*\} (\d+)$/gm)];
      return counted.reduce((sum, [, count]) => sum + Number(count), 0);
    };
    for (let i = 0; i < 5 && (await send(PAGE)).headers.get('age') === null; i += 1);
    const before = await generationRequests();
    const started = Date.now();
    for (let i = 0; i < 40; i += 1) {
      const hit = await send(PAGE);
      expect(hit.headers.get('age')).toMatch(/^\d+$/);
      expect(hit.fetches).toBe(0);
    }
    const elapsed = Date.now() - started;
    // Only the watch's own requests, each held up to WATCH_HOLD_MS: a check per hit would be 40 or more.
    expect((await generationRequests()) - before).toBeLessThanOrEqual(Math.ceil(elapsed / WATCH_HOLD_MS) + 2);
  });

  it("holds a write's answer until each watching gateway knows of it, or until its lease has run out", async () => {
    const url = graph.subgraphs.organizations.url.replace(/graphql$/, 'generation');
    type Told = { store: string; generation: string };
    const ask = async (after: string): Promise<Told> => {
      const search = new URLSearchParams({ watcher: 'a test watcher', after });
      const answer = await fetch(`${url}?${search.toString()}`, { headers: { authorization: feedKeyHeader(TEST_FEED_KEY) } });
      expect(answer.status).toBe(200);
      return (await answer.json()) as Told;
    };
    const held = (told: Told) => `${told.store}:${told.generation}`;
    const add = (name: string) => send(ADD, { i: serviceInput(organizationId, { name }) }, as(member), graph.subgraphs.organizations.url);

    // A watcher that is told of the write and never asks again: the write waits out the lease of its last request.
    const first = await ask('');
    const asked = Date.now();
    const waiting = ask(held(first));
    const write = add('Servicio esperado');
    const told = await waiting;
    const toldAfter = Date.now() - asked;
    expect(BigInt(told.generation)).toBeGreaterThan(BigInt(first.generation));
    const { body } = await write;
    const answeredAfter = Date.now() - asked;
    expect(body.errors).toBeUndefined();
    expect(toldAfter).toBeLessThan(answeredAfter);
    expect(answeredAfter).toBeGreaterThanOrEqual(WATCH_LEASE_MS - 50);
    expect(answeredAfter).toBeLessThan(WATCH_LEASE_MS + 2000);

    // One that asks again with the new generation acknowledges it: the write is answered then.
    const next = ask(held(told));
    const started = Date.now();
    const second = add('Servicio reconocido');
    const acknowledged = ask(held(await next));
    expect((await second).body.errors).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(WATCH_LEASE_MS / 2);
    await acknowledged;
  });

  it('answers the write generation to the feed key only; a write raises it, an authority read of a shelter does not', async () => {
    const url = graph.subgraphs.organizations.url.replace(/graphql$/, 'generation');
    expect((await fetch(url)).status).toBe(401);
    const generation = async () => {
      const answer = await fetch(url, { headers: { authorization: feedKeyHeader(TEST_FEED_KEY) } });
      expect(answer.status).toBe(200);
      const { store, generation: value } = (await answer.json()) as { store: string; generation: string };
      expect(store).toMatch(/^[0-9a-f-]{36}$/);
      expect(value).toMatch(/^\d+$/);
      return Number(value);
    };
    const before = await generation();
    const shelter = (await ok(ADD, { i: shelterInput(organizationId) }, member)).addService.id as string;
    expect(await generation()).toBe(before + 1);
    // The read is written to the shelter access log, which no anonymous answer shows.
    const read = await ok('query($id: ID!) { service(id: $id) { shelter { address } } }', { id: shelter }, viewer('AUTHORITY', 'GT'));
    expect(read.service.shelter.address).toBeTruthy();
    expect(await generation()).toBe(before + 1);
  });
});

// A Redis server to run against: .ci/run starts one and sets TEST_REDIS_URL; `npm test` alone needs none.
const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

(TEST_REDIS_URL ? describe : describe.skip)('the response cache in Redis (REDIS_URL), shared by two gateways', () => {
  let graph: TestGraph;
  let other: RunningGateway;
  const member = viewer();
  const secretariat = viewer('SECRETARIAT');
  let organizationId = '';
  // A query of its own per run: the Redis server outlives the test, and may hold an earlier run's answers.
  const query = `{ services(filter: { country: "GT" }, first: 2) { totalCount nodes { name } } run: __typename }`.replace(
    'run: __typename',
    `run${Date.now()}: __typename`,
  );
  const send = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { headers: response.headers, body: (await response.json()) as Answer['body'] };
  };

  beforeAll(async () => {
    graph = await startGraph({ RESPONSE_CACHE: 'true', REDIS_URL: TEST_REDIS_URL!, MUTATION_RATE_LIMIT: '100000' });
    other = await startGateway(graph.config, {
      port: 0,
      subgraphUrls: Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [name, subgraph.url])),
    });
    const registered = await send(
      graph.url,
      { query: REGISTER, variables: { i: { name: 'Red Compartida', kind: 'NGO', country: 'GT' } } },
      asViewer(member),
    );
    organizationId = registered.body.data!.registerOrganization.id as string;
    await send(graph.url, { query: VERIFY, variables: { id: organizationId, s: 'VERIFIED' } }, asViewer(secretariat));
  });
  afterAll(async () => {
    await other?.stop();
    await graph?.stop();
  });

  it('serves on one gateway the answer the other stored, and neither one older than a write made through the other', async () => {
    let first = await send(graph.url, { query });
    for (let i = 0; i < 3 && first.headers.get('age') === null; i += 1) first = await send(graph.url, { query });
    expect(first.headers.get('age')).not.toBeNull();
    // The second gateway never ran this query: its first answer comes from Redis.
    const shared = await send(other.url, { query });
    expect(shared.body).toEqual(first.body);
    expect(shared.headers.get('age')).toMatch(/^\d+$/);
    expect(shared.headers.get('x-subgraph-fetches')).toBe('0');

    const before = first.body.data!.services.totalCount as number;
    await send(
      graph.url,
      { query: ADD, variables: { i: serviceInput(organizationId, { name: 'Servicio compartido' }) } },
      asViewer(member),
    );
    expect((await send(other.url, { query })).body.data!.services.totalCount).toBe(before + 1);
    expect((await send(graph.url, { query })).body.data!.services.totalCount).toBe(before + 1);
  });

  it('answers as without a cache when Redis cannot be reached', async () => {
    const config = { ...graph.config, redisUrl: 'redis://127.0.0.1:1' };
    const unreachable = await startGateway(config, {
      port: 0,
      subgraphUrls: Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [name, subgraph.url])),
    });
    try {
      for (let i = 0; i < 3; i += 1) {
        const answer = await send(unreachable.url, { query });
        expect(answer.body.errors).toBeUndefined();
        expect(answer.body.data!.services.totalCount).toBeGreaterThan(0);
        expect(answer.headers.get('age')).toBeNull();
      }
    } finally {
      await unreachable.stop();
    }
  });
});
