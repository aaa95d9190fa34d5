import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../services/platform/auth';
import { demoOrganizationId } from '../../services/kit/demo-ids';
import { querySubgraph } from '../../services/kit/subgraph-client';
import { distanceKm } from '../../services/organizations/geo';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, type GraphResponse, type TestGraph } from '../helpers/graph';
import { ADD, REGISTER, shelterInput, VERIFY } from '../organizations/fixtures';

/**
 * What a hostile or merely curious client could read beyond its rights (issue 15, items 6 to 9), replayed
 * through the gateway, and straight to a subgraph where that was the way in.
 */
describe('privacy through the gateway', () => {
  let graph: TestGraph;
  const secretariat = viewer('SECRETARIAT');
  const officer = viewer('AUTHORITY', 'GT');
  const member = viewer();
  const stranger = viewer();

  const as = (who: Viewer | null) => (who ? asViewer(who) : {});
  const ok = async (query: string, variables: Record<string, unknown>, who: Viewer | null) => {
    const { body } = await graph.query(query, variables, as(who));
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.stop());

  describe("an authority's reads of a shelter's exact position (item 6)", () => {
    const LOG = 'query($id: ID) { shelterAccessLog(serviceId: $id) { totalCount nodes { viewer { id } service { id } } } }';
    const shelters: string[] = [];
    const near = { latitude: 15.7758, longitude: -86.7822 };
    const rows = async (serviceId: string) =>
      Number(
        (await graph.subgraphs.organizations.db.query('SELECT COUNT(*) AS n FROM shelter_access_log WHERE service_id = ?', [serviceId]))[0]
          .n,
      );
    const logged = () => Promise.all(shelters.map(rows));

    beforeAll(async () => {
      const organization = (await ok(REGISTER, { i: { name: 'Refugios Privados (prueba)', kind: 'NGO', country: 'HN' } }, member))
        .registerOrganization.id as string;
      await ok(VERIFY, { id: organization, s: 'VERIFIED' }, secretariat);
      for (const [i, latitude] of [15.7801, 15.7912].entries()) {
        const input = shelterInput(organization, {}, { name: `Refugio Posición ${i}`, country: 'HN', latitude, longitude: -86.7901 });
        shelters.push((await ok(ADD, { i: input }, member)).addService.id as string);
      }
    });

    it('writes one row per request and shelter when an AUTHORITY reads latitude and longitude, and the Secretariat sees it', async () => {
      const [id] = shelters;
      const before = await rows(id);
      const data = await ok(`{ a: service(id: "${id}") { latitude longitude } b: service(id: "${id}") { latitude } }`, {}, officer);
      expect(data.a).toEqual({ latitude: 15.7801, longitude: -86.7901 });
      expect(await rows(id)).toBe(before + 1);
      const log = (await ok(LOG, { id }, secretariat)).shelterAccessLog;
      expect(log.totalCount).toBe(before + 1);
      expect(log.nodes[0]).toEqual({ viewer: { id: officer.id }, service: { id } });
    });

    it('writes one row per listed shelter when an AUTHORITY searches near a point, whatever fields it reads', async () => {
      const search = (fields: string) =>
        `{ services(filter: { near: { latitude: ${near.latitude}, longitude: ${near.longitude} }, radiusKm: 5, search: "Posición" }) {
             nodes { id ${fields} } } }`;
      for (const fields of ['distanceKm', 'name', 'distanceKm latitude shelter { address }']) {
        const before = await logged();
        const nodes = (await ok(search(fields), {}, officer)).services.nodes as { id: string; distanceKm?: number }[];
        expect(nodes.map((n) => n.id)).toEqual(shelters);
        // To the metre: what the log is for.
        if (fields === 'distanceKm')
          expect(nodes[0].distanceKm).toBe(Math.round(distanceKm(near, { latitude: 15.7801, longitude: -86.7901 }) * 1000) / 1000);
        expect(await logged()).toEqual(before.map((n) => n + 1));
      }
      // The same search within a country's services: the radius is measured from the exact positions too.
      const before = await logged();
      const inCountry = `{ country(code: "HN") { services(filter: { near: { latitude: ${near.latitude}, longitude: ${near.longitude} },
        radiusKm: 5, search: "Posición" }) { id } } }`;
      expect((await ok(inCountry, {}, officer)).country.services.map((s: { id: string }) => s.id)).toEqual(shelters);
      expect(await logged()).toEqual(before.map((n) => n + 1));
    });

    it('writes nothing for the public, a stranger, a member of the organization or the Secretariat', async () => {
      const before = await logged();
      const query = `{ services(filter: { near: { latitude: ${near.latitude}, longitude: ${near.longitude} }, radiusKm: 50, search: "Posición" }) {
        nodes { distanceKm latitude longitude shelter { address } } } a: service(id: "${shelters[0]}") { latitude longitude } }`;
      for (const who of [null, stranger, member, secretariat]) await ok(query, {}, who);
      expect(await logged()).toEqual(before);
    });
  });

  describe('links to organizations the viewer may not see (item 7)', () => {
    const PUENTES = 'Red Sindical Puentes (demo)';
    const PRACTICES = '{ practices(first: 100) { nodes { title organizations { name } } } }';
    const SUBMIT = 'mutation($i: PracticeInput!) { submitPractice(input: $i) { id organizations { id } } }';
    const PUBLISH = 'mutation($id: ID!) { publishPractice(id: $id) { id status } }';
    const puentes = demoOrganizationId('puentes-ar');
    const suspend = (status: string) => ok(VERIFY, { id: puentes, s: status }, secretariat);
    const names = (response: GraphResponse) =>
      (response.body.data.practices.nodes as { title: string; organizations: { name: string }[] }[]).flatMap((p) =>
        p.organizations.map((o) => o.name),
      );

    it('leaves a suspended organization out of the public list of practices, which still answers in full', async () => {
      const before = await graph.query(PRACTICES);
      expect(names(before)).toContain(PUENTES);
      await suspend('SUSPENDED');
      try {
        for (const who of [null, stranger, officer]) {
          const after = await graph.query(PRACTICES, {}, as(who));
          expect(after.status).toBe(200);
          expect(after.body.errors).toBeUndefined();
          expect(after.raw).not.toContain('valueCompletion');
          expect(after.body.data.practices.nodes.map((p: { title: string }) => p.title)).toEqual(
            before.body.data.practices.nodes.map((p: { title: string }) => p.title),
          );
          expect(names(after)).not.toContain(PUENTES);
        }
        expect(names(await graph.query(PRACTICES, {}, as(secretariat)))).toContain(PUENTES);
      } finally {
        await suspend('VERIFIED');
      }
    });

    it('leaves out a PENDING organization linked to a published practice, and keeps its other links', async () => {
      const pending = (await ok(REGISTER, { i: { name: 'Organización Pendiente (prueba)', kind: 'NGO', country: 'GT' } }, stranger))
        .registerOrganization.id as string;
      const input = { title: 'Práctica con enlace pendiente', summary: 'Resumen.', pillar: 'PREVENTION', countries: ['GT'] };
      const submitted = await ok(SUBMIT, { i: { ...input, organizationIds: [pending, puentes] } }, secretariat);
      await ok(PUBLISH, { id: submitted.submitPractice.id }, secretariat);
      const read = `{ practice(id: "${submitted.submitPractice.id}") { title organizations { id name } } }`;
      for (const who of [null, officer]) {
        expect((await ok(read, {}, who)).practice).toEqual({ title: input.title, organizations: [{ id: puentes, name: PUENTES }] });
      }
      expect((await ok(read, {}, stranger)).practice.organizations.map((o: { id: string }) => o.id).sort()).toEqual(
        [pending, puentes].sort(),
      );
      expect((await graph.query(PRACTICES)).body.errors).toBeUndefined();
    });

    it('refuses, naming the field, a submission linking an organization or an authority that does not exist', async () => {
      const input = { title: 'Práctica con enlaces falsos', summary: 'Resumen.', pillar: 'PREVENTION', countries: ['GT'] };
      for (const field of ['organizationIds', 'authorityIds']) {
        const { body } = await graph.query(SUBMIT, { i: { ...input, [field]: [randomUUID()] } }, as(officer));
        expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
    });

    it('answers an error, never a silent null, when the gateway itself nulls part of the answer', async () => {
      // A log row of a reader the accounts subgraph does not know: its non-null `viewer` cannot be completed.
      const ghost = viewer('AUTHORITY', 'GT');
      const service = (await ok('{ services(filter: { type: SHELTER }, first: 1) { nodes { id } } }', {}, null)).services.nodes[0].id;
      await ok(`{ service(id: "${service}") { shelter { address } } }`, {}, ghost);
      const { status, body, raw } = await graph.query(
        'query($id: ID) { shelterAccessLog(serviceId: $id) { nodes { viewer { name } } } }',
        { id: service },
        as(secretariat),
      );
      expect(status).toBe(200);
      // The null stops at the nullable root field (contract v2), and still comes with its error.
      expect(body.data).toEqual({ shelterAccessLog: null });
      expect(body.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(raw).not.toContain('valueCompletion');
    });
  });

  describe('the newest event id (item 8)', () => {
    const CREATE_AGREEMENT = `mutation($t: String!) { createAgreement(input: { title: $t, kind: BILATERAL, parties: [{ country: "GT" }, { country: "MX" }] }) { id } }`;
    const SIGN = 'mutation($id: ID!, $c: ID!) { signAgreement(id: $id, country: $c) { id } }';
    const last = async (who: Viewer | null) => (await ok('{ lastAgreementEventId }', {}, who)).lastAgreementEventId as string | null;
    const log = async (after: string | null, who: Viewer | null) =>
      (await ok('query($a: ID) { agreementEventLog(after: $a, first: 1) { id kind } }', { a: after }, who)).agreementEventLog;

    it("does not move for those who may not see a new DRAFT, and moves once they may see the agreement's event", async () => {
      const outsider = viewer('AUTHORITY', 'CO');
      const mxOfficer = viewer('AUTHORITY', 'MX');
      const before = await Promise.all([null, stranger, outsider].map(last));
      const draft = (await ok(CREATE_AGREEMENT, { t: 'Borrador reservado (prueba)' }, officer)).createAgreement.id as string;
      const created = await last(secretariat);
      expect(await Promise.all([null, stranger, outsider].map(last))).toEqual(before);
      for (const who of [officer, mxOfficer]) expect(await last(who)).toBe(created);
      expect(await log(before[0], null)).toEqual([]);

      await ok(SIGN, { id: draft, c: 'GT' }, officer);
      expect(await Promise.all([null, stranger, outsider].map(last))).toEqual(before);
      await ok(SIGN, { id: draft, c: 'MX' }, mxOfficer);
      const signed = await last(secretariat);
      expect(Number(signed)).toBe(Number(created) + 2);
      for (const who of [null, stranger, outsider]) expect(await last(who)).toBe(signed);
      // The page after the last id the public saw starts at its next visible event, not at the hidden one.
      expect(await log(before[0], null)).toEqual([{ id: signed, kind: 'PARTY_SIGNED' }]);
      expect(await log(before[0], officer)).toEqual([{ id: created, kind: 'CREATED' }]);
    });
  });

  describe('accounts, straight to the subgraph (item 9)', () => {
    const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name role country { code } } } }';

    it("answers another user's reference with null, and the user's own and the Secretariat's with the account", async () => {
      const signUp = 'mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }';
      const input = { email: `ana.${randomUUID()}@example.org`, password: 'una contraseña larga', name: 'Ana Prueba' };
      const { token, user } = (await ok(signUp, { i: input }, null)).signUp as { token: string; user: { id: string } };
      const ask = async (authorization: string | null) =>
        (
          await querySubgraph<{ _entities: unknown[] }>(
            graph.subgraphs.accounts.url,
            ENTITIES,
            { r: [{ __typename: 'User', id: user.id }] },
            { authorization, requestId: 'privacy-test' },
          )
        )._entities[0];
      for (const who of [null, stranger, officer]) expect(await ask(who ? as(who).authorization : null)).toBeNull();
      const account = { id: user.id, name: 'Ana Prueba', role: null, country: null };
      expect(await ask(`Bearer ${token}`)).toEqual(account);
      expect(await ask(as(secretariat).authorization)).toEqual(account);
    });
  });
});
