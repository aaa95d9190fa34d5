import { gql, type ApolloClient } from '@apollo/client';
import { firstValueFrom, filter as where } from 'rxjs';
import WebSocket from 'ws';
import { tokenFor, viewer } from '../helpers/auth';
import { startGraph, TestGraph } from '../helpers/graph';
import { createApolloClient } from './recipes/apollo';
import { SERVICES_PAGE, servicesInOrder, type ServicesPage } from './services-page';

const SERVICES = gql(SERVICES_PAGE);

describe("the docs' Apollo Client recipe against the gateway", () => {
  let graph: TestGraph;
  let client: ApolloClient;
  let expected: string[];
  const secretariat = tokenFor(viewer('SECRETARIAT'));
  let token: string | undefined;
  beforeAll(async () => {
    graph = await startGraph();
    client = createApolloClient({ url: graph.url, token: () => token, webSocketImpl: WebSocket });
    expected = await servicesInOrder(graph);
    expect(expected.length).toBeGreaterThan(6);
  });
  afterAll(async () => {
    client.stop();
    await graph.stop();
  });
  beforeEach(async () => {
    token = undefined;
    await client.clearStore();
  });

  it('merges forward pages (first/after) with relayStylePagination into one list in the API order', async () => {
    const query = client.watchQuery<ServicesPage>({ query: SERVICES, variables: { first: 3 } });
    const complete = () => firstValueFrom(query.pipe(where((result) => result.dataState === 'complete')));
    let page = (await complete()).data;
    while (page.services.pageInfo.hasNextPage && page.services.edges.length < 9) {
      await query.fetchMore({ variables: { first: 3, after: page.services.pageInfo.endCursor } });
      page = query.getCurrentResult().data as ServicesPage;
    }
    const ids = page.services.edges.map((edge) => edge.node.id);
    expect(ids).toEqual(expected.slice(0, ids.length));
    expect(ids.length).toBe(Math.min(9, expected.length));
  });

  it('merges backward pages (last/before) in front of the list', async () => {
    const query = client.watchQuery<ServicesPage>({ query: SERVICES, variables: { last: 3 } });
    const first = (await firstValueFrom(query.pipe(where((result) => result.dataState === 'complete')))).data;
    expect(first.services.edges.map((edge) => edge.node.id)).toEqual(expected.slice(-3));
    expect(first.services.pageInfo.hasPreviousPage).toBe(true);
    await query.fetchMore({ variables: { last: 3, before: first.services.pageInfo.startCursor } });
    const merged = query.getCurrentResult().data as ServicesPage;
    expect(merged.services.edges.map((edge) => edge.node.id)).toEqual(expected.slice(-6));
  });

  it('keeps one Country, Guideline and Mandate in its cache however they are reached (they have ids)', async () => {
    await client.query({
      query: gql`
        {
          country(code: "GT") {
            id
            nameEs
          }
          services(filter: { country: "GT" }, first: 3) {
            edges {
              node {
                id
                country {
                  id
                  name
                }
              }
            }
          }
          guideline(number: 22) {
            id
            number
            practices {
              id
              guidelines {
                id
                number
              }
            }
          }
          mandates {
            id
            number
          }
        }
      `,
    });
    const cache = client.cache.extract() as Record<string, Record<string, unknown>>;
    expect(cache['Country:GT']).toMatchObject({ id: 'GT', nameEs: 'Guatemala', name: 'Guatemala' });
    expect(cache['Guideline:22']).toMatchObject({ number: 22 });
    expect(cache['Mandate:17']).toMatchObject({ number: 17 });
    // The services point at the one Country entry rather than keeping copies.
    const services = Object.entries(cache).filter(([key]) => key.startsWith('Service:'));
    expect(services.length).toBe(3);
    for (const [, service] of services) expect(service.country).toEqual({ __ref: 'Country:GT' });
  });

  it('sends subscriptions over graphql-ws through the split link, with the signed-in token', async () => {
    token = secretariat;
    const received: unknown[] = [];
    const subscription = client
      .subscribe({
        query: gql`
          subscription {
            agreementEvents {
              kind
              agreement {
                title
              }
            }
          }
        `,
      })
      .subscribe((result) => received.push(result.data));
    try {
      // Let the socket open and the subscription start before the event happens.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await client.mutate({
        mutation: gql`
          mutation {
            createAgreement(input: { title: "Apollo recipe", kind: BILATERAL, parties: [{ country: "CL" }, { country: "PE" }] }) {
              id
            }
          }
        `,
      });
      const deadline = Date.now() + 10_000;
      while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received[0]).toMatchObject({ agreementEvents: { kind: 'CREATED', agreement: { title: 'Apollo recipe' } } });
    } finally {
      subscription.unsubscribe();
    }
  });
});
