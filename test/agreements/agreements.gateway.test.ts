import type { Viewer } from '../../services/platform/auth';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, type TestGraph } from '../helpers/graph';

const CREATE = `mutation($i: AgreementInput!) { createAgreement(input: $i) {
  id title status parties { country { code nameEs } } guidelines { number section } } }`;
const SET_STATUS =
  'mutation($id: ID!, $s: AgreementStatus!) { setAgreementStatus(id: $id, status: $s) { id status signedOn entryIntoForce } }';
const TABLES = ['agreements', 'agreement_parties', 'agreement_events'];
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

  it('moves an agreement through its life and refuses an illegal change naming the allowed ones', async () => {
    const id = (await call(CREATE, { i: bilateral('Ciclo GT–SV', 'SV', 'GT') }, secretariat)).data.createAgreement.id;
    const body = await refused(SET_STATUS, { id, s: 'IN_FORCE' }, mxOfficer, 'NOT_FOUND'); // a draft MX may not read
    expect(body.errors![0].message).toMatch(/No agreement/);
    const illegal = await refused(SET_STATUS, { id, s: 'IN_FORCE' }, gtOfficer, 'BAD_USER_INPUT');
    expect(illegal.errors![0].message).toContain('From DRAFT the status can become SIGNED or TERMINATED.');
    const signed = (await call(SET_STATUS, { id, s: 'SIGNED' }, gtOfficer)).data.setAgreementStatus;
    expect(signed.signedOn).not.toBeNull();
    // now public, but still not MX's to change
    await refused(SET_STATUS, { id, s: 'IN_FORCE' }, mxOfficer, 'FORBIDDEN');
    expect((await call(SET_STATUS, { id, s: 'IN_FORCE' }, viewer('AUTHORITY', 'SV'))).data.setAgreementStatus.status).toBe('IN_FORCE');
    expect((await call(SET_STATUS, { id, s: 'TERMINATED' }, secretariat)).data.setAgreementStatus.status).toBe('TERMINATED');
    const after = await refused(SET_STATUS, { id, s: 'IN_FORCE' }, secretariat, 'BAD_USER_INPUT');
    expect(after.errors![0].message).toContain('TERMINATED agreement keeps its status for good');
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
