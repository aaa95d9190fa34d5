import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { Client as UrqlClient, fetchExchange } from '@urql/core';
import { createClient as createSseClient } from 'graphql-sse';
import { startGateway } from '../../gateway/gateway';
import { SUBGRAPHS } from '../../services/platform/config';
import { asViewer, viewer } from '../helpers/auth';
import { FeedClient } from '../helpers/feed-client';
import { startGraph, TestGraph } from '../helpers/graph';

const CREATE = `mutation($title: String!) {
  createAgreement(input: { title: $title, kind: BILATERAL, parties: [{ country: "CL" }, { country: "PE" }] }) { id }
}`;
const EVENTS = 'subscription { agreementEvents(filter: { kinds: [CREATED] }) { kind agreement { title } } }';
const COUNTRIES = 'query Countries { countries { code } }';
const secretariat = viewer('SECRETARIAT');

interface Event {
  data?: { agreementEvents: { kind: string; agreement: { title: string } } };
}

/** Every client library a front-end team may already use, each with its own transport, against one gateway. */
describe('the transports of /graphql, with the real client libraries', () => {
  let graph: TestGraph;
  const headers = () => asViewer(secretariat);

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  const until = async (check: () => boolean, ms = 5000) => {
    for (const start = Date.now(); !check();) {
      if (Date.now() - start > ms) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  /** Waits for the subscription to be live on the gateway, then creates an agreement: its CREATED event follows. */
  const emit = async (before: number, title: string) => {
    await until(() => graph.gateway.feed.subscribers() > before);
    const { body } = await graph.query(CREATE, { title }, headers());
    expect(body.errors).toBeUndefined();
  };
  const titled = (events: Event[], title: string) => events.some((event) => event.data?.agreementEvents.agreement.title === title);

  describe('GraphQL over SSE (graphql-sse)', () => {
    it('streams the events of a subscription to the graphql-sse client, authorized by the Authorization header', async () => {
      const client = createSseClient({ url: graph.url, headers, retryAttempts: 0 });
      const events: Event[] = [];
      const before = graph.gateway.feed.subscribers();
      const dispose = client.subscribe<Event['data']>(
        { query: EVENTS },
        { next: (e) => events.push(e as Event), error: () => undefined, complete: () => undefined },
      );
      await emit(before, 'Por SSE');
      await until(() => titled(events, 'Por SSE'));
      expect(events.find((e) => e.data?.agreementEvents.agreement.title === 'Por SSE')).toEqual({
        data: { agreementEvents: { kind: 'CREATED', agreement: { title: 'Por SSE' } } },
      });
      dispose();
      client.dispose();
      await until(() => graph.gateway.feed.subscribers() === before);
    });

    it('lets go of everything a client held when it goes away without a word', async () => {
      const before = graph.gateway.feed.subscribers();
      const control = new AbortController();
      const response = await fetch(graph.url, {
        method: 'POST',
        headers: { ...headers(), 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: EVENTS }),
        signal: control.signal,
      });
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await until(() => graph.gateway.feed.subscribers() === before + 1);
      control.abort();
      await until(() => graph.gateway.feed.subscribers() === before);
    });

    it("passes the owning subgraph's refusal of the arguments on as a result with errors, then completes", async () => {
      const client = createSseClient({ url: graph.url, headers, retryAttempts: 0 });
      const results: unknown[] = [];
      await new Promise<void>((resolve, reject) =>
        client.subscribe(
          { query: 'subscription { agreementEvents(filter: { country: "XX" }) { id } }' },
          { next: (result) => results.push(result), error: reject, complete: resolve },
        ),
      );
      expect(results).toEqual([
        {
          errors: [
            expect.objectContaining({
              message: '"XX" is not the ISO code of an OAS Member State.',
              extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
            }),
          ],
        },
      ]);
      client.dispose();
    });

    it('refuses an invalid token with 401, before any subscription is opened', async () => {
      const response = await fetch(graph.url, {
        method: 'POST',
        headers: { authorization: 'Bearer nonsense', 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: EVENTS }),
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  describe("Apollo Client's HttpLink", () => {
    const apollo = () =>
      new ApolloClient({ link: new HttpLink({ uri: graph.url, headers: headers(), useGETForQueries: true }), cache: new InMemoryCache() });

    it('subscribes over multipart HTTP and receives the event', async () => {
      const client = apollo();
      const events: Event[] = [];
      const before = graph.gateway.feed.subscribers();
      const subscription = client.subscribe({ query: gql(EVENTS) }).subscribe({ next: (e) => events.push(e as Event) });
      await emit(before, 'Por multipart');
      await until(() => titled(events, 'Por multipart'));
      subscription.unsubscribe();
      await until(() => graph.gateway.feed.subscribers() === before);
    });

    it('runs a query by GET (useGETForQueries)', async () => {
      const { data } = await apollo().query<{ countries: { code: string }[] }>({ query: gql(COUNTRIES) });
      expect(data?.countries.map(({ code }) => code)).toContain('CL');
    });
  });

  describe('urql', () => {
    it('runs a query with its default settings (GET without a content type)', async () => {
      const client = new UrqlClient({ url: graph.url, exchanges: [fetchExchange] });
      const result = await client.query(COUNTRIES, {}).toPromise();
      expect(result.error).toBeUndefined();
      expect((result.data as { countries: { code: string }[] }).countries.map(({ code }) => code)).toContain('CL');
    });

    it('subscribes with fetchSubscriptions and receives the event', async () => {
      const client = new UrqlClient({
        url: graph.url,
        exchanges: [fetchExchange],
        fetchSubscriptions: true,
        fetchOptions: { headers: headers() },
      });
      const events: Event[] = [];
      const before = graph.gateway.feed.subscribers();
      const subscription = client.subscription(EVENTS, {}).subscribe((result) => events.push({ data: result.data as Event['data'] }));
      await emit(before, 'Por urql');
      await until(() => titled(events, 'Por urql'));
      subscription.unsubscribe();
      await until(() => graph.gateway.feed.subscribers() === before);
    });
  });

  it('still serves graphql-ws', async () => {
    const client = await FeedClient.connect(graph.url, headers().authorization);
    const before = graph.gateway.feed.subscribers();
    client.subscribe('ws', EVENTS);
    await emit(before, 'Por WebSocket');
    const message = await client.waitFor((m) => m.id === 'ws' && m.payload?.data?.agreementEvents.agreement.title === 'Por WebSocket');
    expect(message.type).toBe('next');
    client.close();
  });

  it('ends every SSE and multipart stream with its end marker when the gateway stops', async () => {
    const gateway = await startGateway(graph.config, {
      port: 0,
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((name) => [name, graph.subgraphs[name].url])),
    });
    const client = createSseClient({ url: gateway.url, headers, retryAttempts: 0 });
    const completed = new Promise<void>((resolve, reject) =>
      client.subscribe({ query: EVENTS }, { next: () => undefined, error: reject, complete: resolve }),
    );
    const multipart = await fetch(gateway.url, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json', accept: 'multipart/mixed;subscriptionSpec="1.0"' },
      body: JSON.stringify({ query: EVENTS }),
    });
    await until(() => gateway.feed.subscribers() === 2);
    await gateway.stop();
    await completed;
    expect(await multipart.text()).toMatch(/--graphql--\r\n$/);
    client.dispose();
  });

  describe('what has no transport', () => {
    it.each(['POST', 'GET'])('answers a subscription sent as a plain %s with 406, naming the transports that exist', async (method) => {
      const url = method === 'GET' ? `${graph.url}?query=${encodeURIComponent(EVENTS)}` : graph.url;
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: method === 'POST' ? JSON.stringify({ query: EVENTS }) : undefined,
      });
      expect(response.status).toBe(406);
      const { errors } = (await response.json()) as { errors: { message: string }[] };
      expect(errors[0].message).toMatch(/graphql-ws over a WebSocket at ws:\/\/.+\/graphql/);
      expect(errors[0].message).toMatch(/text\/event-stream/);
      expect(errors[0].message).toMatch(/multipart\/mixed/);
    });

    it('reads a GET subscription whose extensions are not JSON as a subscription still, and leaves one whose variables are not to Apollo Server', async () => {
      const plain = (params: Record<string, string>) =>
        fetch(`${graph.url}?${new URLSearchParams({ query: EVENTS, ...params }).toString()}`, { headers: { accept: 'application/json' } });
      expect((await plain({ extensions: '{not JSON' })).status).toBe(406);
      const badVariables = await plain({ variables: '{not JSON' });
      expect(badVariables.status).toBe(400);
      expect(((await badVariables.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/variables/);
    });

    it('answers a request naming an operation its document lacks with 400, not an internal error', async () => {
      const response = await fetch(graph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: COUNTRIES, operationName: 'Elsewhere' }),
      });
      expect(response.status).toBe(400);
      const { errors } = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(errors).toEqual([{ message: 'Unknown operation named "Elsewhere".', extensions: { code: 'BAD_REQUEST' } }]);
    });

    it('refuses a mutation by GET with 405 and says to POST it', async () => {
      const response = await fetch(`${graph.url}?query=${encodeURIComponent(CREATE)}&variables=${encodeURIComponent('{"title":"x"}')}`, {
        headers: { ...headers(), accept: 'application/json' },
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect(((await response.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0].message).toMatch(
        /only by POST/,
      );
    });
  });
});
