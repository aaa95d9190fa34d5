import { asViewer, tokenFor, viewer } from '../helpers/auth';
import { FeedClient } from '../helpers/feed-client';
import { startGraph, TestGraph } from '../helpers/graph';

/** The subscription of the feed issue: every field of it reaches another subgraph. */
const EXAMPLE = `subscription($country: ID) {
  agreementEvents(filter: { country: $country }) {
    id kind at
    agreement { title status
      parties { country { name authorities { name } organizations { name } } }
      guidelines { number text } }
  }
}`;

const CREATE = `mutation($title: String!, $a: ID!, $b: ID!) {
  createAgreement(input: { title: $title, kind: BILATERAL, parties: [{ country: $a }, { country: $b }], guidelines: [12] }) { id }
}`;
const SET_STATUS = 'mutation($id: ID!, $status: AgreementStatus!) { setAgreementStatus(id: $id, status: $status) { id } }';
const SIGN = 'mutation($id: ID!, $country: ID!) { signAgreement(id: $id, country: $country) { id } }';

describe('the live feed of agreements', () => {
  let graph: TestGraph;
  const officerGT = viewer('AUTHORITY', 'GT');
  const secretariat = viewer('SECRETARIAT');
  const clients: FeedClient[] = [];
  const connect = async (authorization?: string) => {
    const client = await FeedClient.connect(graph.url, authorization);
    clients.push(client);
    return client;
  };
  const create = async (title: string, a = 'GT', b = 'MX') => {
    const { body } = await graph.query(CREATE, { title, a, b }, asViewer(secretariat));
    expect(body.errors).toBeUndefined();
    return body.data.createAgreement.id as string;
  };
  const setStatus = async (id: string, status: string) => {
    const { body } = await graph.query(SET_STATUS, { id, status }, asViewer(secretariat));
    expect(body.errors).toBeUndefined();
  };
  /** Every party signs, in order: one PARTY_SIGNED event each, the last one public (the agreement is SIGNED). */
  const signBy = async (id: string, ...countries: string[]) => {
    for (const country of countries) {
      const { body } = await graph.query(SIGN, { id, country }, asViewer(secretariat));
      expect(body.errors).toBeUndefined();
    }
  };

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => graph.stop());

  it('delivers a CREATED event resolved through every subgraph within a second', async () => {
    const client = await connect(`Bearer ${tokenFor(officerGT)}`);
    client.subscribe('1', EXAMPLE, { country: 'GT' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await create('Acuerdo de prueba GT-MX');
    const message = await client.waitFor((m) => m.id === '1' && m.type === 'next', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    const event = message.payload.data.agreementEvents;
    expect(event.kind).toBe('CREATED');
    expect(event.agreement.title).toBe('Acuerdo de prueba GT-MX');
    const guatemala = event.agreement.parties.find((p: any) => p.country.name === 'Guatemala');
    expect(guatemala.country.authorities.length).toBeGreaterThan(0);
    expect(guatemala.country.authorities[0].name).toEqual(expect.any(String));
    expect(event.agreement.guidelines).toEqual([{ number: 12, text: expect.stringMatching(/\w/) }]);
  });

  it('delivers STATUS_CHANGED on setAgreementStatus with the statuses before and after, and not events of other countries', async () => {
    const client = await connect();
    client.subscribe(
      's',
      'subscription { agreementEvents(filter: { country: "PE", kinds: [STATUS_CHANGED] }) { id kind previousStatus status agreement { status } } }',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const elsewhere = await create('Otro acuerdo', 'AR', 'BR');
    await signBy(elsewhere, 'AR', 'BR');
    await setStatus(elsewhere, 'IN_FORCE');
    const ours = await create('Acuerdo con Perú', 'PE', 'BO');
    await signBy(ours, 'PE', 'BO');
    await setStatus(ours, 'IN_FORCE');
    const message = await client.waitFor((m) => m.id === 's' && m.type === 'next', 2000);
    expect(message.payload.data.agreementEvents).toMatchObject({
      kind: 'STATUS_CHANGED',
      previousStatus: 'SIGNED',
      status: 'IN_FORCE',
      agreement: { status: 'IN_FORCE' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.events('s')).toHaveLength(1);
  });

  it("keeps a DRAFT's events from anyone but the Secretariat and the party countries' authorities", async () => {
    const anonymous = await connect();
    const officer = await connect(`Bearer ${tokenFor(officerGT)}`);
    const outsider = await connect(`Bearer ${tokenFor(viewer('AUTHORITY', 'CO'))}`);
    const query = 'subscription { agreementEvents { id kind agreement { title status } } }';
    for (const client of [anonymous, officer, outsider]) client.subscribe('d', query);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const withdrawn = await create('Borrador retirado', 'GT', 'SV');
    await signBy(withdrawn, 'GT');
    await setStatus(withdrawn, 'WITHDRAWN');
    const id = await create('Borrador confidencial', 'GT', 'SV');
    await signBy(id, 'GT', 'SV');
    const signed = (m: any) => m.id === 'd' && m.payload?.data?.agreementEvents?.agreement?.status === 'SIGNED';
    await Promise.all([anonymous, officer, outsider].map((client) => client.waitFor(signed, 2000)));
    expect(officer.events('d').map((e) => e.data.agreementEvents.kind)).toEqual([
      'CREATED',
      'PARTY_SIGNED',
      'STATUS_CHANGED',
      'CREATED',
      'PARTY_SIGNED',
      'PARTY_SIGNED',
    ]);
    for (const client of [anonymous, outsider]) {
      expect(client.events('d').map((e) => e.data.agreementEvents.kind)).toEqual(['PARTY_SIGNED']);
      expect(JSON.stringify(client.messages)).not.toContain('"DRAFT"');
      expect(JSON.stringify(client.messages)).not.toContain('Borrador retirado');
    }
  });

  it('replays the events after `after`, in order, then continues live without a gap or a repeat', async () => {
    const first = await create('Primero');
    await signBy(first, 'GT', 'MX');
    const { body } = await graph.query('{ lastAgreementEventId }');
    const last = Number(body.data.lastAgreementEventId);
    const client = await connect(`Bearer ${tokenFor(secretariat)}`);
    client.subscribe('r', 'subscription($after: ID) { agreementEvents(filter: { after: $after }) { id kind } }', {
      after: String(last - 1),
    });
    await client.waitFor((m) => m.id === 'r' && m.type === 'next', 2000);
    const second = await create('Segundo');
    await signBy(second, 'GT', 'MX');
    await client.waitFor((m) => m.id === 'r' && Number(m.payload?.data?.agreementEvents?.id) === last + 3, 2000);
    const ids = client.events('r').map((e) => Number(e.data.agreementEvents.id));
    expect(ids).toEqual([last, last + 1, last + 2, last + 3]);
  });

  it('answers an invalid subscription with an error message and keeps the socket and its other subscriptions', async () => {
    const client = await connect();
    client.subscribe('good', 'subscription { agreementEvents { id kind } }');
    client.subscribe('unknown', 'subscription { agreementEvents { id nope } }');
    client.subscribe('filter', 'subscription { agreementEvents(filter: { country: "XX" }) { id } }');
    client.subscribe(
      'deep',
      `subscription { agreementEvents { agreement { parties { country { authorities { country { authorities { country { authorities { country { authorities { country { name } } } } } } } } } } } } }`,
    );
    client.subscribe('query', '{ countries { code } }');
    for (const id of ['unknown', 'filter', 'deep', 'query']) {
      const message = await client.waitFor((m) => m.id === id);
      expect({ id, type: message.type }).toEqual({ id, type: 'error' });
    }
    expect(client.open).toBe(true);
    const id = await create('Sigue abierto');
    await signBy(id, 'GT', 'MX');
    await client.waitFor((m) => m.id === 'good' && m.type === 'next', 2000);
  });

  it('refuses a forged token at connection_init by closing with 4403', async () => {
    const client = await connect('Bearer not-a-token');
    expect((await client.closed).code).toBe(4403);
  });
});
