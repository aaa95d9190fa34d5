import { gql, type Client, type OperationResult } from '@urql/core';
import { tokenFor, viewer } from '../helpers/auth';
import { startGraph, TestGraph } from '../helpers/graph';
import { createUrqlClient } from './recipes/urql';
import { SERVICES_PAGE, servicesInOrder, type ServicesPage } from './services-page';

const SERVICES = gql(SERVICES_PAGE);

describe("the docs' urql + Graphcache recipe against the gateway", () => {
  let graph: TestGraph;
  let expected: string[];
  let token: string | undefined;
  const warnings: string[] = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.join(' ')));
  const methods: string[] = [];
  const realFetch = globalThis.fetch;
  const client = (): Client => createUrqlClient({ url: graph.url, token: () => token });

  beforeAll(async () => {
    graph = await startGraph();
    expected = await servicesInOrder(graph);
    expect(expected.length).toBeGreaterThan(6);
    // Count the HTTP methods urql uses, without changing what it sends.
    globalThis.fetch = (input, init) => {
      methods.push(init?.method ?? 'GET');
      return realFetch(input, init);
    };
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    warn.mockRestore();
    await graph.stop();
  });
  beforeEach(() => {
    token = undefined;
    warnings.length = 0;
    methods.length = 0;
  });

  it('queries by GET with its default settings, and merges forward pages with relayPagination', async () => {
    const urql = client();
    let page = (await urql.query<ServicesPage>(SERVICES, { first: 3 }).toPromise()).data!;
    for (let i = 0; i < 2 && page.services.pageInfo.hasNextPage; i++) {
      page = (await urql.query<ServicesPage>(SERVICES, { first: 3, after: page.services.pageInfo.endCursor }).toPromise()).data!;
    }
    const ids = page.services.edges.map((edge) => edge.node.id);
    expect(ids).toEqual(expected.slice(0, Math.min(9, expected.length)));
    expect(methods.length).toBeGreaterThan(0);
    expect(new Set(methods)).toEqual(new Set(['GET']));
    // Country has an id: no "Invalid key" warning for Service.country.
    expect(warnings.filter((warning) => warning.includes('Invalid key'))).toEqual([]);
  });

  it('merges backward pages (last/before) in front of the list', async () => {
    const urql = client();
    const last = (await urql.query<ServicesPage>(SERVICES, { last: 3 }).toPromise()).data!;
    expect(last.services.edges.map((edge) => edge.node.id)).toEqual(expected.slice(-3));
    const merged = (await urql.query<ServicesPage>(SERVICES, { last: 3, before: last.services.pageInfo.startCursor }).toPromise()).data!;
    expect(merged.services.edges.map((edge) => edge.node.id)).toEqual(expected.slice(-6));
  });

  it('shows labels and names with no cache warnings', async () => {
    const urql = client();
    const { data, error } = await urql
      .query(
        gql`
          {
            country(code: "GT") {
              id
              names {
                es
                en
                pt
                fr
              }
            }
            vocabulary(language: "en") {
              language
              serviceTypes {
                code
                label
              }
            }
            languages(search: "kiche", language: "es") {
              code
              name
            }
            guideline(number: 22) {
              id
              number
            }
            mandates {
              id
              number
            }
          }
        `,
        {},
      )
      .toPromise();
    expect(error).toBeUndefined();
    expect(data.country.names.fr).toBe('Guatemala');
    expect(data.vocabulary.serviceTypes.length).toBeGreaterThan(0);
    expect(data.languages[0].code).toBe('quc');
    expect(warnings.filter((warning) => warning.includes('Invalid key'))).toEqual([]);
  });

  it('subscribes over GraphQL over SSE through subscriptionExchange, with the signed-in token', async () => {
    token = tokenFor(viewer('SECRETARIAT'));
    const urql = client();
    // A subscription's results say more may follow (hasNext), so toPromise would never settle: take the first.
    let stop = () => {};
    const event = new Promise<OperationResult>((resolve) => {
      const subscription = urql
        .subscription(
          gql`
            subscription {
              agreementEvents {
                kind
                agreement {
                  title
                }
              }
            }
          `,
          {},
        )
        .subscribe(resolve);
      stop = () => subscription.unsubscribe();
    });
    // Let the stream open before the event happens.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const created = await urql
      .mutation(
        gql`
          mutation {
            createAgreement(input: { title: "urql recipe", kind: BILATERAL, parties: [{ country: "CL" }, { country: "PE" }] }) {
              id
            }
          }
        `,
        {},
      )
      .toPromise();
    expect(created.error).toBeUndefined();
    const result = await event;
    stop();
    expect(result.data).toMatchObject({ agreementEvents: { kind: 'CREATED', agreement: { title: 'urql recipe' } } });
    expect(methods).toContain('POST');
  });
});
