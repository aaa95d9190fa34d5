import { stableId } from '../../services/kit/ids';
import { LIST_CAPS } from '../../services/platform/limits';
import type { Viewer } from '../../services/platform/auth';
import { TRACKED } from '../../services/organizations/service-history';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, type TestGraph } from '../helpers/graph';
import { rowCounts } from '../helpers/rows';
import { REGISTER, serviceInput, shelterInput, VERIFY } from './fixtures';

const SERVICE = `id name type phone coverage archived createdAt updatedAt distanceKm country { code }
  shelter { kind capacity minAge maxAge address availableBeds }`;
const ADD = `mutation($i: ServiceInput!) { addService(input: $i) { ${SERVICE} } }`;
const UPDATE = `mutation($id: ID!, $i: ServiceUpdateInput!) { updateService(id: $id, input: $i) { ${SERVICE} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveService(id: $id) { ${SERVICE} } }`;
const RESTORE = `mutation($id: ID!) { restoreService(id: $id) { ${SERVICE} } }`;
const BEDS = 'mutation($id: ID!, $n: Int!) { setAvailableBeds(serviceId: $id, availableBeds: $n) { kind capacity address availableBeds } }';
const READ = `query($id: ID!) { service(id: $id) { ${SERVICE} } }`;
const HISTORY = `query($s: ID) { organizationHistory(serviceId: $s, first: 100) {
  totalCount nodes { kind organizationId serviceId countryCode userId fields { field oldValue newValue } } } }`;
const ADDRESS = 'Callejón Reservado 17, Zona 3';
const NEW_ADDRESS = 'Avenida Escondida 4, Zona 9';

type Change = {
  kind: string;
  serviceId: string;
  countryCode: string;
  userId: string;
  fields: { field: string; oldValue: string | null; newValue: string | null }[];
};

/** What a civil-society organization does with its services (issue 17), as a client sees it through the gateway. */
describe('services maintained by their organization, through the gateway', () => {
  let graph: TestGraph;
  const member = viewer();
  const outsider = viewer();
  const officer = viewer('AUTHORITY', 'GT');
  const secretariat = viewer('SECRETARIAT');
  let organizationId = '';

  const call = async (query: string, variables: Record<string, unknown>, who: Viewer | null) =>
    (await graph.query(query, variables, who ? asViewer(who) : {})).body;
  const ok = async (query: string, variables: Record<string, unknown>, who: Viewer | null) => {
    const body = await call(query, variables, who);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const history = async (serviceId: string): Promise<Change[]> =>
    (await ok(HISTORY, { s: serviceId }, secretariat)).organizationHistory.nodes;
  const add = async (input: Record<string, unknown>) => (await ok(ADD, { i: input }, member)).addService;
  /** A refusal: its code and field, and nothing written in any subgraph. */
  const refused = async (query: string, variables: Record<string, unknown>, who: Viewer | null) => {
    const before = await rowCounts(graph);
    const body = await call(query, variables, who);
    expect(await rowCounts(graph)).toEqual(before);
    return { code: body.errors?.[0].extensions?.code, field: body.errors?.[0].extensions?.field };
  };

  beforeAll(async () => {
    graph = await startGraph({ MUTATION_RATE_LIMIT: '100000' });
    const registered = await ok(REGISTER, { i: { name: 'Red Flujos', kind: 'NGO', country: 'GT', countriesServed: ['SV'] } }, member);
    organizationId = registered.registerOrganization.id;
    await ok(REGISTER, { i: { name: 'Otra Red Flujos', kind: 'NGO', country: 'GT' } }, outsider);
  });
  afterAll(() => graph?.stop());

  describe('adding a service', () => {
    it('lets a PENDING organization prepare a service that only its members and the Secretariat see until it is VERIFIED', async () => {
      const service = await add(serviceInput(organizationId, { name: 'Asesoría preparada', country: 'SV' }));
      for (const who of [null, outsider, officer]) expect((await ok(READ, { id: service.id }, who)).service).toBeNull();
      for (const who of [member, secretariat]) expect((await ok(READ, { id: service.id }, who)).service.name).toBe('Asesoría preparada');
      await ok(VERIFY, { id: organizationId, s: 'VERIFIED' }, secretariat);
      expect((await ok(READ, { id: service.id }, null)).service).toMatchObject({ name: 'Asesoría preparada', country: { code: 'SV' } });
    });

    it('refuses a country the organization does not serve and a phone that is not in international format, naming the field', async () => {
      expect(await refused(ADD, { i: serviceInput(organizationId, { country: 'MX' }) }, member)).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'country',
      });
      expect(await refused(ADD, { i: serviceInput(organizationId, { phone: '5555-1234' }) }, member)).toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      const phone = await call(ADD, { i: serviceInput(organizationId, { phone: '5555-1234' }) }, member);
      expect(JSON.stringify(phone.errors![0].extensions)).toContain('phone');
    });

    it('stores the phone in one format, dates the service, and records the addition', async () => {
      const service = await add(serviceInput(organizationId, { name: 'Línea Flujos', type: 'HOTLINE', phone: '+502 2222-3333' }));
      expect(service).toMatchObject({ phone: '+502 2222 3333', coverage: 'LOCAL', archived: false });
      expect(service.createdAt).toBe(service.updatedAt);
      expect(Math.abs(Date.parse(service.updatedAt) - Date.now())).toBeLessThan(60_000);
      const [added] = await history(service.id);
      expect(added).toMatchObject({ kind: 'SERVICE_ADDED', countryCode: 'GT', userId: member.id });
      expect(added.fields).toEqual(
        expect.arrayContaining([
          { field: 'name', oldValue: null, newValue: 'Línea Flujos' },
          { field: 'phone', oldValue: null, newValue: '+50222223333' },
        ]),
      );
      expect(TRACKED.length).toBeLessThanOrEqual(LIST_CAPS['OrganizationChange.fields']);
    });
  });

  describe('a shelter', () => {
    let shelterId = '';
    beforeAll(async () => {
      shelterId = (
        await add(shelterInput(organizationId, { address: ADDRESS, capacity: 12, availableBeds: 3 }, { name: 'Refugio Flujos' }))
      ).id;
    });

    it('keeps the address when only the free beds are updated, and leaves updatedAt as the public saw it', async () => {
      const before = (await ok(READ, { id: shelterId }, member)).service;
      const updated = (await ok(UPDATE, { id: shelterId, i: { shelterUpdate: { availableBeds: 5 } } }, member)).updateService;
      expect(updated.shelter).toEqual({ ...before.shelter, availableBeds: 5, address: ADDRESS });
      expect(updated.updatedAt).toBe(before.updatedAt);
      expect((await history(shelterId))[0]).toMatchObject({
        kind: 'SERVICE_UPDATED',
        fields: [{ field: 'shelter.availableBeds', oldValue: '3', newValue: '5' }],
      });
    });

    it('checks a partial shelter update against the stored shelter, and refuses shelter and shelterUpdate together', async () => {
      expect(await refused(UPDATE, { id: shelterId, i: { shelterUpdate: { capacity: 4 } } }, member)).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'shelterUpdate.capacity',
      });
      expect(await refused(UPDATE, { id: shelterId, i: { shelterUpdate: { capacity: null } } }, member)).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'shelterUpdate.capacity',
      });
      const both = { shelter: { kind: 'EMERGENCY', capacity: 3 }, shelterUpdate: { availableBeds: 1 } };
      expect(await refused(UPDATE, { id: shelterId, i: both }, member)).toEqual({ code: 'BAD_USER_INPUT', field: 'shelterUpdate' });
      expect(await refused(UPDATE, { id: shelterId, i: { name: null } }, member)).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    });

    it('records a new address without its text, and clears it with null', async () => {
      const moved = (await ok(UPDATE, { id: shelterId, i: { shelterUpdate: { address: NEW_ADDRESS, minAge: 21 } } }, member)).updateService;
      expect(moved.shelter).toMatchObject({ address: NEW_ADDRESS, minAge: 21, availableBeds: 5 });
      const [change] = await history(shelterId);
      expect(change.fields).toEqual([
        { field: 'shelter.minAge', oldValue: '18', newValue: '21' },
        { field: 'shelter.address', oldValue: '(set)', newValue: '(changed)' },
      ]);
      const cleared = (await ok(UPDATE, { id: shelterId, i: { shelterUpdate: { address: null } } }, member)).updateService;
      expect(cleared.shelter).toMatchObject({ address: null, minAge: 21, availableBeds: 5 });
      const raw = (await graph.query(HISTORY, { s: shelterId }, asViewer(secretariat))).raw;
      for (const address of [ADDRESS, NEW_ADDRESS]) expect(raw).not.toContain(address);
      await ok(UPDATE, { id: shelterId, i: { shelterUpdate: { address: ADDRESS } } }, member);
    });

    it('lets its members and the Secretariat set the free beds, 0 to capacity, and nothing else changes', async () => {
      const before = (await ok(READ, { id: shelterId }, member)).service;
      const shelter = (await ok(BEDS, { id: shelterId, n: 0 }, member)).setAvailableBeds;
      expect(shelter).toEqual({ kind: before.shelter.kind, capacity: 12, address: ADDRESS, availableBeds: 0 });
      expect((await ok(BEDS, { id: shelterId, n: 12 }, secretariat)).setAvailableBeds.availableBeds).toBe(12);
      const after = (await ok(READ, { id: shelterId }, member)).service;
      expect(after).toEqual({ ...before, shelter: { ...before.shelter, availableBeds: 12 } });
      const [latest, previous] = await history(shelterId);
      expect(latest).toMatchObject({
        kind: 'BEDS_CHANGED',
        userId: secretariat.id,
        fields: [{ field: 'shelter.availableBeds', oldValue: '0', newValue: '12' }],
      });
      expect(previous).toMatchObject({ kind: 'BEDS_CHANGED', userId: member.id });
      const recorded = (await history(shelterId)).length;
      await ok(BEDS, { id: shelterId, n: 12 }, member);
      expect(await history(shelterId)).toHaveLength(recorded);
    });

    it('refuses the free beds to an AUTHORITY and to another organization, and a number over the capacity', async () => {
      expect(await refused(BEDS, { id: shelterId, n: 1 }, officer)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refused(BEDS, { id: shelterId, n: 1 }, outsider)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refused(BEDS, { id: shelterId, n: 1 }, null)).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await refused(BEDS, { id: shelterId, n: 13 }, member)).toEqual({ code: 'BAD_USER_INPUT', field: 'availableBeds' });
      expect(await refused(BEDS, { id: shelterId, n: -1 }, member)).toEqual({ code: 'BAD_USER_INPUT', field: 'availableBeds' });
    });

    it("shows its members who read the shelter's confidential fields: when, which service and the country; the reader to the Secretariat only", async () => {
      const LOG = `query($id: ID!) { organization(id: $id) { shelterAccessLog(first: 10) {
        totalCount nodes { at service { id } authorityCountry { code } reader { id } } } } }`;
      expect((await ok(LOG, { id: organizationId }, member)).organization.shelterAccessLog.totalCount).toBe(0);
      expect((await ok(READ, { id: shelterId }, officer)).service.shelter.address).toBe(ADDRESS);
      const seen = (await ok(LOG, { id: organizationId }, member)).organization.shelterAccessLog;
      expect(seen).toMatchObject({
        totalCount: 1,
        nodes: [{ service: { id: shelterId }, authorityCountry: { code: 'GT' }, reader: null }],
      });
      const audited = (await ok(LOG, { id: organizationId }, secretariat)).organization.shelterAccessLog;
      expect(audited.nodes[0]).toMatchObject({ reader: { id: officer.id }, authorityCountry: { code: 'GT' } });
      for (const who of [null, outsider, officer])
        expect((await ok(LOG, { id: organizationId }, who)).organization.shelterAccessLog).toBeNull();
      const OLD = `query($id: ID!) { organization(id: $id) { shelterAccessLog { nodes { viewer { id } } } } }`;
      const asked = await call(OLD, { id: organizationId }, member);
      expect(asked.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect(JSON.stringify(asked)).not.toContain(officer.id);
    });
  });

  describe('archiving', () => {
    const NAME = 'Archivable Flujos';
    let id = '';
    beforeAll(async () => {
      id = (await add(shelterInput(organizationId, { address: ADDRESS }, { name: NAME, latitude: 14.6, longitude: -90.5 }))).id;
    });
    const LISTS = `query($o: ID!) {
      services(filter: { search: "Archivable Flujos" }) { nodes { id } }
      near: services(filter: { near: { latitude: 14.6, longitude: -90.5 }, radiusKm: 5 }, first: 100) { nodes { id } }
      country(code: "GT") { services(filter: { search: "Archivable" }) { id } }
      organization(id: $o) { services(first: 100) { id archived } } }`;
    const listed = async (who: Viewer | null) => {
      const data = await ok(LISTS, { o: organizationId }, who);
      return {
        search: data.services.nodes.some((n: { id: string }) => n.id === id),
        near: data.near.nodes.some((n: { id: string }) => n.id === id),
        country: data.country.services.some((n: { id: string }) => n.id === id),
        organization: data.organization.services.find((n: { id: string }) => n.id === id) ?? null,
      };
    };

    it('takes an archived service out of every public list and search; its members and the Secretariat still see it as archived', async () => {
      expect(await listed(null)).toEqual({ search: true, near: true, country: true, organization: { id, archived: false } });
      const archived = (await ok(ARCHIVE, { id }, member)).archiveService;
      expect(archived).toMatchObject({ id, archived: true });
      for (const who of [null, outsider, officer]) {
        expect(await listed(who)).toEqual({ search: false, near: false, country: false, organization: null });
        expect((await ok(READ, { id }, who)).service).toBeNull();
      }
      for (const who of [member, secretariat]) {
        expect(await listed(who)).toEqual({ search: false, near: false, country: false, organization: { id, archived: true } });
        expect((await ok(READ, { id }, who)).service).toMatchObject({ id, archived: true });
      }
    });

    it('refuses to change an archived service until it is restored, and archiving it again records nothing', async () => {
      expect(await refused(UPDATE, { id, i: { name: 'Changed' } }, member)).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(await refused(BEDS, { id, n: 1 }, member)).toEqual({ code: 'BAD_USER_INPUT', field: 'serviceId' });
      const before = await rowCounts(graph);
      expect((await ok(ARCHIVE, { id }, member)).archiveService.archived).toBe(true);
      expect(await rowCounts(graph)).toEqual(before);
      expect(await refused(ARCHIVE, { id }, outsider)).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('restores it to every list, and records both in the history', async () => {
      expect((await ok(RESTORE, { id }, secretariat)).restoreService.archived).toBe(false);
      expect(await listed(null)).toEqual({ search: true, near: true, country: true, organization: { id, archived: false } });
      expect((await history(id)).map((change) => [change.kind, change.fields])).toEqual([
        ['SERVICE_RESTORED', [{ field: 'archived', oldValue: 'true', newValue: 'false' }]],
        ['SERVICE_ARCHIVED', [{ field: 'archived', oldValue: 'false', newValue: 'true' }]],
        ['SERVICE_ADDED', expect.any(Array)],
      ]);
    });
  });

  describe('coverage', () => {
    it('finds a NATIONAL service by a near search anywhere in its country, last and without a distance', async () => {
      const hotline = await add(
        serviceInput(organizationId, {
          name: 'Línea nacional Flujos',
          type: 'HOTLINE',
          coverage: 'NATIONAL',
          latitude: 17.2,
          longitude: -89.6,
        }),
      );
      const local = await add(serviceInput(organizationId, { name: 'Oficina local Flujos', latitude: 14.61, longitude: -90.51 }));
      const NEAR = `query($c: ID, $at: GeoPointInput) { services(filter: { country: $c, near: $at, radiusKm: 10 }, first: 100) {
        nodes { id distanceKm } } }`;
      const guatemalaCity = { latitude: 14.6, longitude: -90.5 };
      const inGuatemala = (await ok(NEAR, { c: 'GT', at: guatemalaCity }, null)).services.nodes;
      const at = (id: string) => inGuatemala.findIndex((n: { id: string }) => n.id === id);
      expect(inGuatemala[at(hotline.id)]).toEqual({ id: hotline.id, distanceKm: null });
      expect(inGuatemala[at(local.id)].distanceKm).toBeGreaterThan(0);
      // Services found by coverage come after every service within the radius.
      const byDistance = inGuatemala.filter((n: { distanceKm: number | null }) => n.distanceKm !== null).length;
      expect(inGuatemala.slice(byDistance).every((n: { distanceKm: number | null }) => n.distanceKm === null)).toBe(true);
      expect(at(hotline.id)).toBeGreaterThan(at(local.id));
      // Without a country the point is placed by the countries' boxes: Guatemala City is in Guatemala, the hotline 300 km away is found.
      expect((await ok(NEAR, { c: null, at: guatemalaCity }, null)).services.nodes.map((n: { id: string }) => n.id)).toContain(hotline.id);
      // A point in Mexico City is not in Guatemala: the country filter does not move it there.
      const mexicoCity = { latitude: 19.43, longitude: -99.13 };
      expect((await ok(NEAR, { c: 'GT', at: mexicoCity }, null)).services.nodes.map((n: { id: string }) => n.id)).not.toContain(hotline.id);
      const COUNTRY = `{ country(code: "GT") { services(filter: { near: { latitude: 14.6, longitude: -90.5 }, radiusKm: 10 }, first: 100) { id } } }`;
      expect((await ok(COUNTRY, {}, null)).country.services.map((n: { id: string }) => n.id)).toContain(hotline.id);
      expect(await refused(UPDATE, { id: hotline.id, i: { coverage: null } }, member)).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'coverage',
      });
      expect((await ok(UPDATE, { id: hotline.id, i: { coverage: 'LOCAL' } }, member)).updateService.coverage).toBe('LOCAL');
      expect((await ok(NEAR, { c: 'GT', at: guatemalaCity }, null)).services.nodes.map((n: { id: string }) => n.id)).not.toContain(
        hotline.id,
      );
    });
  });

  describe('the demo', () => {
    it('has an archived service the public does not see and the Secretariat does', async () => {
      const id = stableId('demo:service:manos-unidas-sv:4');
      expect((await ok(READ, { id }, null)).service).toBeNull();
      expect((await ok(READ, { id }, secretariat)).service).toMatchObject({
        archived: true,
        name: 'Taller de costura Manos Unidas (demo)',
      });
    });
  });
});
