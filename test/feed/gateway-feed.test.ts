import { asViewer, tokenFor, viewer } from '../helpers/auth';
import { FeedClient } from '../helpers/feed-client';
import { startGraph, TestGraph } from '../helpers/graph';

const CREATE = `mutation($title: String!) {
  createAgreement(input: { title: $title, kind: BILATERAL, parties: [{ country: "CL" }, { country: "PE" }] }) { id }
}`;
/** Both parties sign, one after the other: the agreement becomes SIGNED, and its last event public. */
const SET_STATUS =
  'mutation($id: ID!) { cl: signAgreement(id: $id, country: "CL") { id } pe: signAgreement(id: $id, country: "PE") { id } }';
const secretariat = viewer('SECRETARIAT');

/** What the gateway does for any subscription, whatever its field: the agreements feed is the one at hand. */
describe('subscriptions through the gateway', () => {
  let graph: TestGraph;
  const clients: FeedClient[] = [];
  const connect = async (authorization?: string) => {
    const client = await FeedClient.connect(graph.url, authorization);
    clients.push(client);
    return client;
  };
  const signed = async (title: string) => {
    const { body } = await graph.query(CREATE, { title }, asViewer(secretariat));
    await graph.query(SET_STATUS, { id: body.data.createAgreement.id }, asViewer(secretariat));
  };

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => graph.stop());

  it("relays the owning subgraph's refusal of the arguments, with its code and message", async () => {
    const client = await connect();
    client.subscribe('bad', 'subscription { agreementEvents(filter: { country: "XX" }) { id } }');
    const refused = await client.waitFor((m) => m.id === 'bad');
    expect(refused).toEqual({
      id: 'bad',
      type: 'error',
      payload: [
        expect.objectContaining({
          message: '"XX" is not the ISO code of an OAS Member State.',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ],
    });
  });

  it('refuses a number out of range in the subscription as it would in a query, before any subgraph is asked', async () => {
    const client = await connect();
    const selection = 'agreement { parties { country { services(filter: { radiusKm: 1e400 }) { name } } } }';
    client.subscribe('far', `subscription { agreementEvents { id ${selection} } }`);
    const refused = await client.waitFor((m) => m.id === 'far');
    expect(refused.type).toBe('error');
    expect(refused.payload[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'filter' });
  });

  it('refuses a subscription over the edge limits as it would a query', async () => {
    const client = await connect();
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: id`).join(' ');
    client.subscribe('wide', `subscription { agreementEvents { ${aliases} } }`);
    const refused = await client.waitFor((m) => m.id === 'wide');
    expect(refused.type).toBe('error');
    expect(refused.payload[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', maximum: 30, actual: 31 });
  });

  it('shapes each event as the subscription asked: aliases, fragments, and fields of other subgraphs', async () => {
    const client = await connect();
    client.subscribe(
      'shaped',
      `subscription Shaped { news: agreementEvents(filter: { kinds: [PARTY_SIGNED] }) { ...Event } }
       fragment Event on AgreementEvent { kind agreement { heading: title parties { country { code name } } } }`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await signed('Acuerdo con forma');
    const message = await client.waitFor((m) => m.id === 'shaped' && m.type === 'next', 3000);
    expect(message.payload).toEqual({
      data: {
        news: {
          kind: 'PARTY_SIGNED',
          agreement: {
            heading: 'Acuerdo con forma',
            parties: [{ country: { code: 'CL', name: 'Chile' } }, { country: { code: 'PE', name: 'Peru' } }],
          },
        },
      },
    });
  });

  it('ends a subscription whose token has expired with UNAUTHENTICATED, for the client to sign in and resume', async () => {
    const client = await connect(`Bearer ${tokenFor(viewer('AUTHORITY', 'CL'), 2)}`);
    client.subscribe('short', 'subscription { agreementEvents { id kind } }');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await signed('Tras la caducidad');
    const ended = await client.waitFor((m) => m.id === 'short', 3000);
    expect(ended.type).toBe('next');
    expect(ended.payload.data).toBeUndefined();
    expect(ended.payload.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await client.waitFor((m) => m.id === 'short' && m.type === 'complete', 1000);
  });
});
