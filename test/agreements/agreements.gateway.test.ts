import type { Viewer } from '../../services/platform/auth';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, type TestGraph } from '../helpers/graph';
import { FeedClient } from '../helpers/feed-client';
import { demoAuthorityId } from '../../services/kit/demo-ids';

const CREATE = `mutation($i: AgreementInput!) { createAgreement(input: $i) {
  id title status parties { country { code nameEs } } guidelines { number section } } }`;
const SET_STATUS =
  'mutation($id: ID!, $s: AgreementStatus!) { setAgreementStatus(id: $id, status: $s) { id status signedOn entryIntoForce } }';
const SIGN =
  'mutation($id: ID!, $c: ID!, $on: DateTime) { signAgreement(id: $id, country: $c, signedOn: $on) { id status signedOn parties { country { code } signedOn } } }';
const TABLES = ['agreements', 'agreement_parties', 'agreement_guidelines', 'agreement_events', 'agreement_changes'];
const INJECTION = "'; DROP TABLE agreements; --";
const SCRIPT = '<img src=x onerror=alert(1)>';

const bilateral = (title: string, a: string, b: string, extra: Record<string, unknown> = {}) => ({
  title,
  kind: 'BILATERAL',
  parties: [{ country: a }, { country: b }],
  ...extra,
});

/** The agreement rules as a client sees them through the gateway. */
describe('agreements through the gateway', () => {
  let graph: TestGraph;
  const gtOfficer = viewer('AUTHORITY', 'GT');
  const mxOfficer = viewer('AUTHORITY', 'MX');
  const coOfficer = viewer('AUTHORITY', 'CO');
  const secretariat = viewer('SECRETARIAT');

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.stop());

  const call = async (query: string, variables: Record<string, unknown>, who: Viewer | null) =>
    (await graph.query(query, variables, who ? asViewer(who) : {})).body;
  const counts = () =>
    Promise.all(TABLES.map(async (t) => Number((await graph.subgraphs.agreements.db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n)));
  /** Sends a mutation that must be refused with `code`; checks that no agreement, party or event was written. */
  async function refused(query: string, variables: Record<string, unknown>, who: Viewer | null, code: string) {
    const before = await counts();
    const body = await call(query, variables, who);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe(code);
    expect(await counts()).toEqual(before);
    return body;
  }

  it('refuses createAgreement and setAgreementStatus to an anonymous caller with UNAUTHENTICATED', async () => {
    await refused(CREATE, { i: bilateral('Anónimo', 'GT', 'MX') }, null, 'UNAUTHENTICATED');
    await refused(SET_STATUS, { id: '00000000-0000-4000-8000-000000000000', s: 'SIGNED' }, null, 'UNAUTHENTICATED');
  });

  it('refuses an AUTHORITY of one country an agreement between two other countries, and writes nothing', async () => {
    const body = await refused(CREATE, { i: bilateral('Acuerdo ajeno', 'CO', 'PE') }, gtOfficer, 'FORBIDDEN');
    expect(body.errors![0].message).toMatch(/AUTHORITY of a party country or the SECRETARIAT/);
  });

  it('shows a new draft to the authorities of its parties and the Secretariat only, in every query', async () => {
    const created = await call(CREATE, { i: bilateral('Borrador confidencial GT–MX', 'gt', 'MX', { guidelines: [57] }) }, gtOfficer);
    expect(created.errors).toBeUndefined();
    const draft = created.data.createAgreement;
    expect(draft).toMatchObject({
      status: 'DRAFT',
      parties: [{ country: { code: 'GT', nameEs: 'Guatemala' } }, { country: { code: 'MX', nameEs: 'México' } }],
      guidelines: [{ number: 57, section: 'PROTECTION' }],
    });
    const query = `query($id: ID!) { agreement(id: $id) { id title }
      agreements(filter: { status: DRAFT }, first: 100) { nodes { id title } }
      country(code: "GT") { agreements { id title } } }`;
    for (const who of [gtOfficer, mxOfficer, secretariat]) {
      const { data } = await call(query, { id: draft.id }, who);
      expect(data.agreement).toEqual({ id: draft.id, title: 'Borrador confidencial GT–MX' });
      expect(data.agreements.nodes.map((n: { id: string }) => n.id)).toContain(draft.id);
      expect(data.country.agreements.map((n: { id: string }) => n.id)).toContain(draft.id);
    }
    for (const who of [null, coOfficer, viewer()]) {
      const { raw, body } = await graph.query(query, { id: draft.id }, who ? asViewer(who) : {});
      expect(body.errors).toBeUndefined();
      expect(body.data.agreement).toBeNull();
      expect(raw).not.toContain('Borrador confidencial');
    }
    await refused(SET_STATUS, { id: draft.id, s: 'SIGNED' }, coOfficer, 'NOT_FOUND');
  });

  it('moves a signed agreement through its life and refuses an illegal change naming the allowed ones', async () => {
    const id = (await call(CREATE, { i: bilateral('Ciclo GT–SV', 'SV', 'GT') }, secretariat)).data.createAgreement.id;
    const body = await refused(SET_STATUS, { id, s: 'WITHDRAWN' }, mxOfficer, 'NOT_FOUND'); // a draft MX may not read
    expect(body.errors![0].message).toMatch(/No agreement/);
    const illegal = await refused(SET_STATUS, { id, s: 'SIGNED' }, gtOfficer, 'BAD_USER_INPUT');
    expect(illegal.errors![0].message).toContain('From DRAFT the status can become WITHDRAWN. It becomes SIGNED when its last party signs');
    await call(SIGN, { id, c: 'GT' }, gtOfficer);
    expect((await call(SIGN, { id, c: 'SV' }, viewer('AUTHORITY', 'SV'))).data.signAgreement.status).toBe('SIGNED');
    // now public, but still not MX's to change
    await refused(SET_STATUS, { id, s: 'IN_FORCE' }, mxOfficer, 'FORBIDDEN');
    expect((await call(SET_STATUS, { id, s: 'IN_FORCE' }, viewer('AUTHORITY', 'SV'))).data.setAgreementStatus.status).toBe('IN_FORCE');
    expect((await call(SET_STATUS, { id, s: 'TERMINATED' }, secretariat)).data.setAgreementStatus.status).toBe('TERMINATED');
    const after = await refused(SET_STATUS, { id, s: 'IN_FORCE' }, secretariat, 'BAD_USER_INPUT');
    expect(after.errors![0].message).toContain('TERMINATED agreement keeps its status for good');
  });

  describe('every party signs', () => {
    const hnOfficer = viewer('AUTHORITY', 'HN');

    it('makes a GT–HN bilateral SIGNED only after both signed; an officer of a third country cannot sign for either', async () => {
      const id = (await call(CREATE, { i: bilateral('Acuerdo GT–HN', 'GT', 'HN') }, gtOfficer)).data.createAgreement.id;
      for (const c of ['GT', 'HN']) await refused(SIGN, { id, c }, coOfficer, 'FORBIDDEN');
      await refused(SIGN, { id, c: 'HN' }, gtOfficer, 'FORBIDDEN');
      const first = (await call(SIGN, { id, c: 'GT', on: '2025-04-01T00:00:00.000Z' }, gtOfficer)).data.signAgreement;
      expect(first).toMatchObject({ status: 'DRAFT', signedOn: null });
      expect((await call('query($id: ID!) { agreement(id: $id) { id } }', { id }, null)).data.agreement).toBeNull();
      const second = (await call(SIGN, { id, c: 'HN', on: '2025-04-03T00:00:00.000Z' }, hnOfficer)).data.signAgreement;
      expect(second).toEqual({
        id,
        status: 'SIGNED',
        signedOn: '2025-04-03T00:00:00.000Z',
        parties: [
          { country: { code: 'GT' }, signedOn: '2025-04-01T00:00:00.000Z' },
          { country: { code: 'HN' }, signedOn: '2025-04-03T00:00:00.000Z' },
        ],
      });
      expect((await call('query($id: ID!) { agreement(id: $id) { status } }', { id }, null)).data.agreement).toEqual({ status: 'SIGNED' });
    });

    it("accepts a party's authority only when it is an active authority of that party's country", async () => {
      const withAuthority = (gt: string) => ({
        ...bilateral('Con autoridad', 'GT', 'MX'),
        parties: [{ country: 'GT', authorityId: gt }, { country: 'MX' }],
      });
      const wrong = await refused(CREATE, { i: withAuthority(demoAuthorityId('MX', 'prosecution')) }, gtOfficer, 'BAD_USER_INPUT');
      expect(wrong.errors![0].extensions).toMatchObject({ field: 'parties.0.authorityId' });
      expect(wrong.errors![0].message).toMatch(/an authority of MX, not of GT/);
      const unknown = await refused(CREATE, { i: withAuthority('00000000-0000-4000-8000-000000000000') }, gtOfficer, 'BAD_USER_INPUT');
      expect(unknown.errors![0].extensions).toMatchObject({ field: 'parties.0.authorityId' });
      const ok = await call(CREATE, { i: withAuthority(demoAuthorityId('GT', 'prosecution')) }, gtOfficer);
      expect(ok.errors).toBeUndefined();
    });

    it('keeps a withdrawn draft and all its events from the public: lists, lookups, the event log and the live feed, live and replayed', async () => {
      const { lastAgreementEventId: before } = (await call('{ lastAgreementEventId }', {}, secretariat)).data;
      const live = await FeedClient.connect(graph.url);
      try {
        live.subscribe('live', 'subscription { agreementEvents { id kind status agreement { title } } }');
        await new Promise((resolve) => setTimeout(resolve, 200));
        const id = (await call(CREATE, { i: bilateral('Borrador que se retira', 'GT', 'HN', { guidelines: [9] }) }, gtOfficer)).data
          .createAgreement.id;
        await call(SIGN, { id, c: 'HN' }, hnOfficer);
        expect((await call(SET_STATUS, { id, s: 'WITHDRAWN' }, gtOfficer)).data.setAgreementStatus.status).toBe('WITHDRAWN');
        // a public event after them, which the live subscriber must receive, and nothing before it
        const pub = (
          await call(CREATE, { i: bilateral('Público GT–HN', 'GT', 'HN', { signedOn: '2024-01-01T00:00:00.000Z' }) }, secretariat)
        ).data.createAgreement.id;
        await live.waitFor((m) => m.id === 'live' && m.type === 'next', 3000);
        expect(live.events('live').map((e) => e.data.agreementEvents.agreement.title)).toEqual(['Público GT–HN']);
        const replay = await FeedClient.connect(graph.url);
        try {
          replay.subscribe('r', 'subscription($a: ID) { agreementEvents(filter: { after: $a }) { id agreement { id } } }', { a: before });
          await replay.waitFor((m) => m.id === 'r' && m.type === 'next', 3000);
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(replay.events('r').map((e) => e.data.agreementEvents.agreement.id)).toEqual([pub]);
        } finally {
          replay.close();
        }
        const publicView = await graph.query(
          `query($id: ID!, $a: ID) { agreement(id: $id) { id } agreements(filter: { guideline: 9 }) { nodes { id } }
             country(code: "HN") { agreements { id } } guideline(number: 9) { agreements { id } } agreementEventLog(after: $a) { id } }`,
          { id, a: before },
        );
        expect(publicView.body.errors).toBeUndefined();
        expect(publicView.raw).not.toContain(id);
        expect(publicView.raw).not.toContain('Borrador que se retira');
        const party = await call(
          'query($id: ID!) { agreement(id: $id) { status } guideline(number: 9) { agreements { id } } }',
          { id },
          hnOfficer,
        );
        expect(party.data).toEqual({ agreement: { status: 'WITHDRAWN' }, guideline: { agreements: [{ id }] } });
      } finally {
        live.close();
      }
    });

    it('replays each event with the status it recorded, not the agreement as it is now', async () => {
      const { lastAgreementEventId: before } = (await call('{ lastAgreementEventId }', {}, secretariat)).data;
      const id = (await call(CREATE, { i: bilateral('Historia GT–HN', 'GT', 'HN', { signedOn: '2024-01-01T00:00:00.000Z' }) }, secretariat))
        .data.createAgreement.id;
      for (const s of ['IN_FORCE', 'SUSPENDED', 'IN_FORCE', 'TERMINATED']) await call(SET_STATUS, { id, s }, secretariat);
      const { data } = await call(
        'query($a: ID) { agreementEventLog(after: $a) { kind previousStatus status party { code } agreement { id status } } }',
        { a: before },
        null,
      );
      const ours = data.agreementEventLog.filter((e: { agreement: { id: string } }) => e.agreement.id === id);
      expect(ours.map((e: any) => [e.kind, e.previousStatus, e.status, e.agreement.status])).toEqual([
        ['CREATED', null, 'SIGNED', 'TERMINATED'],
        ['STATUS_CHANGED', 'SIGNED', 'IN_FORCE', 'TERMINATED'],
        ['STATUS_CHANGED', 'IN_FORCE', 'SUSPENDED', 'TERMINATED'],
        ['STATUS_CHANGED', 'SUSPENDED', 'IN_FORCE', 'TERMINATED'],
        ['STATUS_CHANGED', 'IN_FORCE', 'TERMINATED', 'TERMINATED'],
      ]);
    });
  });

  describe('agreementHistory', () => {
    const HISTORY = `query($id: ID, $c: ID) { agreementHistory(agreementId: $id, country: $c, first: 10) {
      nodes { kind agreementId countryCode userId fields { field oldValue newValue } } } }`;

    it('records creation, each signature and each change of status, with who and the old and new values, for the Secretariat only', async () => {
      const id = (await call(CREATE, { i: bilateral('Historial GT–MX', 'GT', 'MX', { guidelines: [5] }) }, gtOfficer)).data.createAgreement
        .id;
      await call(SIGN, { id, c: 'GT', on: '2025-05-01T00:00:00.000Z' }, gtOfficer);
      await call(SIGN, { id, c: 'MX', on: '2025-05-02T00:00:00.000Z' }, mxOfficer);
      await call(SET_STATUS, { id, s: 'IN_FORCE' }, secretariat);
      await refused(SET_STATUS, { id, s: 'WITHDRAWN' }, secretariat, 'BAD_USER_INPUT');
      const nodes = (await call(HISTORY, { id }, secretariat)).data.agreementHistory.nodes;
      expect(nodes.map((n: any) => [n.kind, n.countryCode, n.userId])).toEqual([
        ['STATUS_CHANGED', null, secretariat.id],
        ['PARTY_SIGNED', 'MX', mxOfficer.id],
        ['PARTY_SIGNED', 'GT', gtOfficer.id],
        ['CREATED', null, gtOfficer.id],
      ]);
      expect(nodes[0].fields).toEqual([
        { field: 'status', oldValue: 'SIGNED', newValue: 'IN_FORCE' },
        { field: 'entryIntoForce', oldValue: null, newValue: expect.any(String) },
      ]);
      expect(nodes[1].fields).toEqual([
        { field: 'parties.MX.signedOn', oldValue: null, newValue: '2025-05-02T00:00:00.000Z' },
        { field: 'status', oldValue: 'DRAFT', newValue: 'SIGNED' },
        { field: 'signedOn', oldValue: null, newValue: '2025-05-02T00:00:00.000Z' },
      ]);
      expect(nodes[2].fields).toEqual([{ field: 'parties.GT.signedOn', oldValue: null, newValue: '2025-05-01T00:00:00.000Z' }]);
      expect(nodes[3].fields).toEqual(
        expect.arrayContaining([
          { field: 'title', oldValue: null, newValue: 'Historial GT–MX' },
          { field: 'status', oldValue: null, newValue: 'DRAFT' },
          { field: 'parties', oldValue: null, newValue: 'GT,MX' },
          { field: 'guidelines', oldValue: null, newValue: '5' },
        ]),
      );
      const byCountry = (await call(HISTORY, { c: 'mx' }, secretariat)).data.agreementHistory.nodes;
      expect(byCountry.every((n: any) => n.agreementId)).toBe(true);
      expect(byCountry.map((n: any) => n.agreementId)).toContain(id);
      expect((await call(HISTORY, { c: 'PE' }, secretariat)).data.agreementHistory.nodes.map((n: any) => n.agreementId)).not.toContain(id);
      for (const who of [gtOfficer, null]) {
        const body = await call(HISTORY, { id }, who);
        expect(body.data?.agreementHistory ?? null).toBeNull();
        expect(body.errors![0].extensions!.code).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      }
    });
  });

  it('stores SQL-injection and script strings verbatim and harms no table', async () => {
    const created = await call(CREATE, { i: bilateral(INJECTION, 'GT', 'HN', { summary: SCRIPT }) }, gtOfficer);
    expect(created.errors).toBeUndefined();
    const { raw } = await graph.query(
      'query($id: ID!) { agreement(id: $id) { title summary } }',
      { id: created.data.createAgreement.id },
      asViewer(gtOfficer),
    );
    expect(JSON.parse(raw).data.agreement).toEqual({ title: INJECTION, summary: SCRIPT });
    expect((await counts()).every((n) => n > 0)).toBe(true);
  });

  it('refuses oversize and impossible input with field-level errors, writing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [bilateral('x'.repeat(1_000_000), 'GT', 'MX'), 'title'],
      [bilateral('Muchas directrices', 'GT', 'MX', { guidelines: Array(10_000).fill(1) }), 'guidelines'],
      [bilateral('Directriz 99', 'GT', 'MX', { guidelines: [99] }), 'guidelines'],
      [bilateral('Fuera de la OEA', 'GT', 'ES'), 'parties.1.country'],
      [{ ...bilateral('Tres partes', 'GT', 'MX'), parties: [{ country: 'GT' }, { country: 'MX' }, { country: 'SV' }] }, 'parties'],
    ];
    for (const [i, field] of cases) {
      const body = await refused(CREATE, { i }, gtOfficer, 'BAD_USER_INPUT');
      expect(body.errors![0].extensions!.field).toBe(field);
    }
  });
});
