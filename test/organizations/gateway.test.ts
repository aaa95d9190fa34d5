import type { Viewer } from '../../services/platform/auth';
import { querySubgraph } from '../../services/kit/subgraph-client';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, TestGraph } from '../helpers/graph';
import { ADD, REGISTER, serviceInput, shelterInput, tableCounts, UPDATE, VERIFY } from './fixtures';

const ADDRESS_A = 'Calle Confidencial 41, Zona 5';
const ADDRESS_B = 'Avenida Reservada 9, Zona 10';
const SHELTER_FIELDS = 'id name latitude longitude shelter { kind capacity address availableBeds }';

/** The rules of the organizations subgraph as a client sees them through the gateway. */
describe('organizations through the gateway: access rules', () => {
  let graph: TestGraph;
  const secretariat = viewer('SECRETARIAT');
  const officer = viewer('AUTHORITY', 'GT');
  const memberA = viewer();
  const memberB = viewer();
  const stranger = viewer();
  const ids = { orgA: '', orgB: '', shelterA: '', shelterB: '' };

  const call = async (query: string, variables: Record<string, unknown>, who: Viewer | null) =>
    (await graph.query(query, variables, who ? asViewer(who) : {})).body;
  const ok = async (query: string, variables: Record<string, unknown>, who: Viewer | null) => {
    const body = await call(query, variables, who);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const counts = () => tableCounts(graph.subgraphs.organizations.db);
  const register = async (name: string, who: Viewer) =>
    (await ok(REGISTER, { i: { name, kind: 'NGO', country: 'GT' } }, who)).registerOrganization.id as string;

  beforeAll(async () => {
    graph = await startGraph();
    ids.orgA = await register('Gateway Org A', memberA);
    ids.orgB = await register('Gateway Org B', memberB);
  });
  afterAll(() => graph?.stop());

  it.each([
    ['registerOrganization', REGISTER, () => ({ i: { name: 'Anonymous Org', kind: 'NGO', country: 'GT' } })],
    ['verifyOrganization', VERIFY, () => ({ id: ids.orgA, s: 'VERIFIED' })],
    ['addService', ADD, () => ({ i: serviceInput(ids.orgA) })],
    ['updateService', UPDATE, () => ({ id: ids.orgA, i: { name: 'Anonymous' } })],
  ])('refuses %s to an anonymous caller with UNAUTHENTICATED and writes nothing', async (_name, mutation, variables) => {
    const before = await counts();
    const body = await call(mutation, variables(), null);
    expect(body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await counts()).toEqual(before);
  });

  it('keeps a pending organization out of public lists, and shows it to its members and the Secretariat', async () => {
    const query = `{ organizations(filter: { search: "Gateway Org" }) { nodes { name status } }
      country(code: "GT") { organizations { name } } }`;
    const seen = async (who: Viewer | null) => {
      const data = await ok(query, {}, who);
      const listed = data.organizations.nodes.map((o: { name: string }) => o.name);
      const inCountry = data.country.organizations.map((o: { name: string }) => o.name).filter((n: string) => n.startsWith('Gateway'));
      return { listed, inCountry };
    };
    for (const who of [null, stranger, officer]) expect(await seen(who)).toEqual({ listed: [], inCountry: [] });
    expect(await seen(memberA)).toEqual({ listed: ['Gateway Org A'], inCountry: ['Gateway Org A'] });
    const all = ['Gateway Org A', 'Gateway Org B'];
    expect(await seen(secretariat)).toEqual({ listed: all, inCountry: all });
  });

  it("lets a pending organization's member prepare a service the public sees only once it is VERIFIED, and refuses anyone but the Secretariat the verification", async () => {
    ids.shelterA = (await ok(ADD, { i: shelterInput(ids.orgA, { address: ADDRESS_A }) }, memberA)).addService.id;
    const read = `{ service(id: "${ids.shelterA}") { id } services(filter: { search: "Valid shelter" }) { totalCount } }`;
    for (const who of [null, stranger, officer]) expect(await ok(read, {}, who)).toEqual({ service: null, services: { totalCount: 0 } });
    for (const who of [memberA, secretariat]) expect((await ok(read, {}, who)).service).toEqual({ id: ids.shelterA });
    const before = await counts();
    for (const who of [memberA, officer]) {
      expect((await call(VERIFY, { id: ids.orgA, s: 'VERIFIED' }, who)).errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
    for (const id of [ids.orgA, ids.orgB]) {
      expect((await ok(VERIFY, { id, s: 'VERIFIED' }, secretariat)).verifyOrganization.status).toBe('VERIFIED');
    }
    expect(await ok(read, {}, null)).toEqual({ service: { id: ids.shelterA }, services: { totalCount: 1 } });
    ids.shelterB = (await ok(ADD, { i: shelterInput(ids.orgB, { address: ADDRESS_B }, { name: 'Refugio B' }) }, memberB)).addService.id;
  });

  it("refuses a member of A an update of B's service (FORBIDDEN), and B's service is unchanged", async () => {
    const read = `{ service(id: "${ids.shelterB}") { ${SHELTER_FIELDS} languages description } }`;
    const before = await ok(read, {}, memberB);
    const body = await call(UPDATE, { id: ids.shelterB, i: { name: 'Hijacked', shelter: { kind: 'LONG_TERM', capacity: 1 } } }, memberA);
    expect(body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await ok(read, {}, memberB)).toEqual(before);
    expect(before.service).toMatchObject({ name: 'Refugio B', shelter: { address: ADDRESS_B } });
  });

  it('never puts a shelter address in the raw JSON of a public response', async () => {
    const queries = [
      `{ services(filter: { type: SHELTER }, first: 100) { nodes { ${SHELTER_FIELDS} } } }`,
      `{ organizations(first: 100) { nodes { services { ${SHELTER_FIELDS} } } } }`,
      `{ country(code: "GT") { services { ${SHELTER_FIELDS} } organizations { services { ${SHELTER_FIELDS} } } } }`,
      `{ a: service(id: "${ids.shelterA}") { ${SHELTER_FIELDS} } b: service(id: "${ids.shelterB}") { organization { services { ${SHELTER_FIELDS} } } } }`,
    ];
    const demo = await graph.subgraphs.organizations.db.query('SELECT address FROM shelters WHERE address IS NOT NULL');
    const addresses = [ADDRESS_A, ADDRESS_B, ...demo.map((row: { address: string }) => row.address)];
    for (const who of [null, stranger]) {
      for (const query of queries) {
        const { body, raw } = await graph.query(query, {}, who ? asViewer(who) : {});
        expect(body.errors).toBeUndefined();
        expect(raw).toContain('Refugio B');
        for (const address of addresses) expect(raw).not.toContain(address);
      }
    }
  });

  it('shows an AUTHORITY the address, logs one row per service read, and lets only the Secretariat read the log', async () => {
    const logged = async () => Number((await graph.subgraphs.organizations.db.query('SELECT COUNT(*) AS n FROM shelter_access_log'))[0].n);
    const before = await logged();
    const data = await ok(
      `{ services(filter: { type: SHELTER }, first: 100) { nodes { id shelter { address availableBeds } } } }`,
      {},
      officer,
    );
    const nodes = data.services.nodes as { id: string; shelter: { address: string } }[];
    expect(nodes.find((n) => n.id === ids.shelterB)!.shelter).toEqual({ address: ADDRESS_B, availableBeds: 3 });
    expect(await logged()).toBe(before + nodes.length);

    const LOG = `query($id: ID) { shelterAccessLog(serviceId: $id) { totalCount nodes {
      at viewer { id } viewerCountry { code name } service { name organization { name } } } } }`;
    const log = await ok(LOG, { id: ids.shelterB }, secretariat);
    expect(log.shelterAccessLog.totalCount).toBe(1);
    expect(log.shelterAccessLog.nodes[0]).toMatchObject({
      viewer: { id: officer.id },
      viewerCountry: { code: 'GT', name: 'Guatemala' },
      service: { name: 'Refugio B', organization: { name: 'Gateway Org B' } },
    });
    expect((await call(LOG, { id: ids.shelterB }, officer)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await call(LOG, { id: ids.shelterB }, null)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['a 1,000,000-character name', ADD, () => serviceInput(ids.orgA, { name: 'x'.repeat(1_000_000) }), 'name'],
    ['10,000 languages', ADD, () => serviceInput(ids.orgA, { languages: Array.from({ length: 10_000 }, () => 'spa') }), 'languages'],
    ["the unknown language 'xyz'", ADD, () => serviceInput(ids.orgA, { languages: ['xyz'] }), 'languages'],
    ['a negative capacity', ADD, () => shelterInput(ids.orgA, { capacity: -5, availableBeds: null }), 'shelter.capacity'],
    ['minAge over maxAge', ADD, () => shelterInput(ids.orgA, { minAge: 40, maxAge: 20 }), 'shelter.minAge'],
    ['more available beds than capacity', ADD, () => shelterInput(ids.orgA, { capacity: 2, availableBeds: 5 }), 'shelter.availableBeds'],
    [
      'shelter details on a HOTLINE',
      ADD,
      () => serviceInput(ids.orgA, { type: 'HOTLINE', shelter: { kind: 'EMERGENCY', capacity: 2 } }),
      'shelter',
    ],
    [
      'a website that is not http(s)',
      REGISTER,
      () => ({ name: 'Org', kind: 'NGO', country: 'GT', website: 'javascript:alert(1)' }),
      'website',
    ],
    ['a 1,000,000-character organization name', REGISTER, () => ({ name: 'x'.repeat(1_000_000), kind: 'NGO', country: 'GT' }), 'name'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_what, mutation, input, field) => {
    const before = await counts();
    const body = await call(mutation, { i: input() }, memberA);
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  });

  it.each(["'; DROP TABLE services; --", '<script>alert(1)</script>'])('stores %s verbatim and harms nothing', async (text) => {
    const service = (await ok(ADD, { i: serviceInput(ids.orgA, { name: text, description: text }) }, memberA)).addService;
    expect(service).toMatchObject({ name: text, description: text });
    const read = await ok(`{ service(id: "${service.id}") { name description } }`, {}, null);
    expect(read.service).toEqual({ name: text, description: text });
    const organization = (await ok(REGISTER, { i: { name: text, kind: 'NGO', country: 'GT' } }, stranger)).registerOrganization;
    expect(organization.name).toBe(text);
    expect((await ok('{ services { totalCount } }', {}, null)).services.totalCount).toBeGreaterThan(20);
  });

  it("answers another subgraph's membership question with the caller's token, as practices asks it", async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { organizations { id status } } } }';
    const ask = (who: Viewer) =>
      querySubgraph<{ _entities: { organizations: { id: string; status: string }[] }[] }>(
        graph.subgraphs.organizations.url,
        query,
        { r: [{ __typename: 'User', id: who.id }] },
        { authorization: asViewer(who).authorization, requestId: 'membership-check' },
      );
    const pendingId = await register('Gateway Org Pending', memberA);
    const mine = (await ask(memberA))._entities[0].organizations;
    expect(mine).toEqual(
      expect.arrayContaining([
        { id: ids.orgA, status: 'VERIFIED' },
        { id: pendingId, status: 'PENDING' },
      ]),
    );
    expect((await ask(officer))._entities[0].organizations).toEqual([]);
  });
});
