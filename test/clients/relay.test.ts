import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ConnectionHandler, commitLocalUpdate, fetchQuery, requestSubscription, type Environment } from 'relay-runtime';
import WebSocket from 'ws';
import { tokenFor, viewer } from '../helpers/auth';
import { startGraph, TestGraph } from '../helpers/graph';
import { createRelayEnvironment } from './recipes/relay';
import { servicesInOrder } from './services-page';
import IdentityQuery, { type operationsIdentityQuery } from './relay/__generated__/operationsIdentityQuery.graphql';
import PaginationQuery from './relay/__generated__/operationsServicesPaginationQuery.graphql';
import EventsSubscription from './relay/__generated__/operationsAgreementEventsSubscription.graphql';

const RELAY_DIR = path.join(__dirname, 'relay');

/** The ids of the services in the Relay store's connection, in its order, and its page info. */
function connection(environment: Environment): { ids: string[]; startCursor: string; endCursor: string } {
  let result = { ids: [] as string[], startCursor: '', endCursor: '' };
  commitLocalUpdate(environment, (store) => {
    const list = ConnectionHandler.getConnection(store.getRoot(), 'operations_services')!;
    const pageInfo = list.getLinkedRecord('pageInfo');
    result = {
      ids: list.getLinkedRecords('edges').map((edge) => edge.getLinkedRecord('node').getValue('id') as string),
      startCursor: pageInfo.getValue('startCursor') as string,
      endCursor: pageInfo.getValue('endCursor') as string,
    };
  });
  return result;
}

describe("the docs' Relay recipe against the gateway", () => {
  let graph: TestGraph;
  let expected: string[];
  let token: string | undefined;
  const environment = () => createRelayEnvironment({ url: graph.url, token: () => token, webSocketImpl: WebSocket });
  beforeAll(async () => {
    graph = await startGraph();
    expected = await servicesInOrder(graph);
    expect(expected.length).toBeGreaterThan(6);
  });
  afterAll(() => graph.stop());

  it("compiled artifacts are those Relay's compiler makes of the operations and schema/api.graphql", () => {
    execFileSync(require.resolve('relay-compiler/cli.js'), ['--validate'], { cwd: RELAY_DIR, stdio: 'pipe' });
  });

  it('merges forward pages into its @connection with ConnectionHandler', async () => {
    const relay = environment();
    await fetchQuery(relay, PaginationQuery, { first: 3 }).toPromise();
    for (let i = 0; i < 2; i++) {
      await fetchQuery(relay, PaginationQuery, { first: 3, after: connection(relay).endCursor }).toPromise();
    }
    expect(connection(relay).ids).toEqual(expected.slice(0, 9));
  });

  it('merges backward pages (last/before) in front', async () => {
    const relay = environment();
    await fetchQuery(relay, PaginationQuery, { last: 3 }).toPromise();
    await fetchQuery(relay, PaginationQuery, { last: 3, before: connection(relay).startCursor }).toPromise();
    expect(connection(relay).ids).toEqual(expected.slice(-6));
  });

  it('keeps Guideline 17 and Mandate 17 apart, and one record per country', async () => {
    const relay = environment();
    const data = await fetchQuery<operationsIdentityQuery>(relay, IdentityQuery, {}).toPromise();
    expect(data!.guideline).toMatchObject({ id: '17', number: 17 });
    const records = relay.getStore().getSource();
    expect(records.get('Guideline:17')).toMatchObject({ number: 17 });
    expect(records.get('Mandate:17')).toMatchObject({ number: 17 });
    expect(records.get('Country:GT')).toMatchObject({ nameEs: 'Guatemala' });
  });

  it('subscribes over graphql-ws', async () => {
    token = tokenFor(viewer('SECRETARIAT'));
    const relay = environment();
    const received: unknown[] = [];
    const subscription = requestSubscription(relay, {
      subscription: EventsSubscription,
      variables: {},
      onNext: (data) => received.push(data),
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const { body } = await graph.query(
        'mutation { createAgreement(input: { title: "Relay recipe", kind: BILATERAL, parties: [{ country: "CL" }, { country: "PE" }] }) { id } }',
        {},
        { authorization: `Bearer ${token}` },
      );
      expect(body.errors).toBeUndefined();
      const deadline = Date.now() + 10_000;
      while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received[0]).toMatchObject({ agreementEvents: { kind: 'CREATED', agreement: { title: 'Relay recipe' } } });
    } finally {
      subscription.dispose();
      token = undefined;
    }
  });
});
