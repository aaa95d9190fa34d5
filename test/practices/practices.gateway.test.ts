import jwt from 'jsonwebtoken';
import type { Viewer } from '../../services/platform/auth';
import { asViewer, tokenFor, viewer } from '../helpers/auth';
import { startGraph, type TestGraph } from '../helpers/graph';

const SUBMIT = `mutation($i: PracticeInput!) { submitPractice(input: $i) {
  id title summary body status countries { code nameEs } guidelines { number section } } }`;
const PUBLISH = 'mutation($id: ID!) { publishPractice(id: $id) { id status } }';
const READ = 'query($id: ID!) { practice(id: $id) { id title status organizations { id } } }';
const REGISTER = 'mutation($i: OrganizationInput!) { registerOrganization(input: $i) { id status } }';
const VERIFY = 'mutation($id: ID!) { verifyOrganization(id: $id, status: VERIFIED) { id status } }';
const INJECTION = "'; DROP TABLE practices; --";
const SCRIPT = '<script>alert(document.cookie)</script>';
const TABLES = [
  'practices',
  'practice_countries',
  'practice_guidelines',
  'practice_populations',
  'practice_organizations',
  'practice_authorities',
];

const input = (extra: Record<string, unknown> = {}) => ({
  title: 'Red comunitaria de alerta',
  summary: 'Promotoras comunitarias alertan sobre ofertas engañosas.',
  pillar: 'PREVENTION',
  countries: ['gt'],
  guidelines: [22],
  ...extra,
});

/** The practice rules as a client sees them through the gateway, membership asked of the organizations subgraph. */
describe('practices through the gateway', () => {
  let graph: TestGraph;
  const secretariat = viewer('SECRETARIAT');
  const member = viewer();
  const stranger = viewer();

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.stop());

  const call = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
    (await graph.query(query, variables, headers)).body;
  const as = (who: Viewer) => asViewer(who);
  const counts = () =>
    Promise.all(TABLES.map(async (t) => Number((await graph.subgraphs.practices.db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n)));
  /** Sends a mutation that must be refused with `code`, and checks that no practice row was written. */
  async function refused(query: string, variables: Record<string, unknown>, headers: Record<string, string>, code: string) {
    const before = await counts();
    const body = await call(query, variables, headers);
    expect(body.data?.submitPractice ?? body.data?.publishPractice ?? null).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe(code);
    expect(await counts()).toEqual(before);
    return body;
  }

  it('refuses submitPractice and publishPractice to an anonymous caller with UNAUTHENTICATED', async () => {
    await refused(SUBMIT, { i: input() }, {}, 'UNAUTHENTICATED');
    await refused(PUBLISH, { id: '00000000-0000-4000-8000-000000000000' }, {}, 'UNAUTHENTICATED');
  });

  it('refuses a forged, an expired and an alg:none token with UNAUTHENTICATED', async () => {
    const claims = { sub: secretariat.id, role: 'SECRETARIAT', country: null, authority: null };
    const forged = jwt.sign(claims, 'another-secret-that-is-long-enough-for-hs256', { algorithm: 'HS256' });
    const none = jwt.sign(claims, '', { algorithm: 'none' });
    for (const token of [forged, tokenFor(secretariat, -60), none]) {
      await refused(SUBMIT, { i: input() }, { authorization: `Bearer ${token}` }, 'UNAUTHENTICATED');
    }
  });

  it('refuses a signed-in user with no role and no organization with FORBIDDEN saying who may submit', async () => {
    const body = await refused(SUBMIT, { i: input() }, as(stranger), 'FORBIDDEN');
    expect(body.errors![0].message).toMatch(/member of a VERIFIED organization, an AUTHORITY or the SECRETARIAT/);
  });

  // Needs the organizations subgraph's registerOrganization, verifyOrganization and User.organizations.
  it('lets a member submit once the Secretariat has verified their organization; the practice stays theirs until published', async () => {
    const registered = await call(REGISTER, { i: { name: 'Red Comunitaria (prueba)', kind: 'COMMUNITY', country: 'GT' } }, as(member));
    expect(registered.errors).toBeUndefined();
    const organization = registered.data.registerOrganization.id as string;
    await refused(SUBMIT, { i: input() }, as(member), 'FORBIDDEN'); // still PENDING

    expect((await call(VERIFY, { id: organization }, as(secretariat))).data.verifyOrganization.status).toBe('VERIFIED');
    const submitted = await call(SUBMIT, { i: input({ organizationIds: [organization] }) }, as(member));
    expect(submitted.errors).toBeUndefined();
    const practice = submitted.data.submitPractice;
    expect(practice).toMatchObject({
      status: 'SUBMITTED',
      countries: [{ code: 'GT', nameEs: 'Guatemala' }],
      guidelines: [{ number: 22, section: 'PREVENTION' }],
    });

    const read = async (headers: Record<string, string>) => (await call(READ, { id: practice.id }, headers)).data.practice;
    expect(await read(as(member))).toMatchObject({ id: practice.id, status: 'SUBMITTED', organizations: [{ id: organization }] });
    expect(await read(as(secretariat))).toMatchObject({ status: 'SUBMITTED' });
    for (const headers of [{}, as(stranger), as(viewer('AUTHORITY', 'GT'))]) {
      const { raw } = await graph.query(READ, { id: practice.id }, headers);
      expect(JSON.parse(raw).data.practice).toBeNull();
      expect(raw).not.toContain('Red comunitaria de alerta');
    }
    const { raw: list } = await graph.query('{ practices(filter: { country: "GT" }, first: 100) { nodes { title } } }');
    expect(list).not.toContain('Red comunitaria de alerta');

    await refused(PUBLISH, { id: practice.id }, as(member), 'FORBIDDEN');
    expect((await call(PUBLISH, { id: practice.id }, as(secretariat))).data.publishPractice.status).toBe('PUBLISHED');
    expect(await read({})).toMatchObject({ status: 'PUBLISHED', title: 'Red comunitaria de alerta' });
  });

  it('stores SQL-injection and script strings verbatim and harms no table', async () => {
    const officer = viewer('AUTHORITY', 'GT');
    const submitted = await call(SUBMIT, { i: input({ title: INJECTION, summary: SCRIPT, body: `${SCRIPT}${INJECTION}` }) }, as(officer));
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.submitPractice).toMatchObject({ title: INJECTION, summary: SCRIPT, body: `${SCRIPT}${INJECTION}` });
    const { raw } = await graph.query(
      'query($id: ID!) { practice(id: $id) { title summary } }',
      { id: submitted.data.submitPractice.id },
      as(officer),
    );
    expect(JSON.parse(raw).data.practice).toEqual({ title: INJECTION, summary: SCRIPT });
    expect((await call('{ practices { totalCount } }', {})).data.practices.totalCount).toBeGreaterThan(0);
  });

  it('refuses a 1,000,000-character title, 10,000 guidelines and guideline 99 with field-level errors', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'x'.repeat(1_000_000) }, 'title'],
      [{ guidelines: Array(10_000).fill(22) }, 'guidelines'],
      [{ guidelines: [99] }, 'guidelines'],
      [{ countries: ['GT', 'FR'] }, 'countries'],
    ];
    for (const [extra, field] of cases) {
      const body = await refused(SUBMIT, { i: input(extra) }, as(secretariat), 'BAD_USER_INPUT');
      expect(body.errors![0].extensions!.field).toBe(field);
    }
  });
});
