import type { ExecutionResult } from 'graphql';
import type { Viewer } from '../../services/platform/auth';
import { newId } from '../../services/kit/ids';
import { VerificationStatus } from '../../services/organizations/entities/organization.entity';
import type { Organization } from '../../services/organizations/entities/organization.entity';
import { ServiceLanguage } from '../../services/organizations/entities/service-language.entity';
import { ServicePopulation } from '../../services/organizations/entities/service-population.entity';
import { Service } from '../../services/organizations/entities/service.entity';
import { Shelter } from '../../services/organizations/entities/shelter.entity';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { viewer } from '../helpers/auth';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';
import { ADD, insertMembership, insertOrganization, serviceInput, shelterInput, tableCounts, UPDATE, VERIFY } from './fixtures';

describe('organizations subgraph: adding and changing services', () => {
  let subgraph: SubgraphUnderTest;
  const secretariat = viewer('SECRETARIAT');
  const memberA = viewer();
  const memberB = viewer();
  let orgA: Organization;
  let orgB: Organization;
  beforeAll(async () => {
    subgraph = await openSubgraph(organizationsSubgraph);
    orgA = await insertOrganization(subgraph.db, { name: 'Org A', countryCode: 'GT' });
    orgB = await insertOrganization(subgraph.db, { name: 'Org B', countryCode: 'GT' });
    await insertMembership(subgraph.db, memberA.id, orgA);
    await insertMembership(subgraph.db, memberB.id, orgB);
  });
  afterAll(() => subgraph.close());

  const add = (input: Record<string, unknown>, who: Viewer | null) => subgraph.execute(ADD, { i: input }, who);
  const update = (id: string, input: Record<string, unknown>, who: Viewer | null) =>
    subgraph.execute(UPDATE, { id, i: input }, who) as Promise<ExecutionResult<Record<string, any>>>;
  const added = async (input: Record<string, unknown>, who: Viewer) => {
    const { data, errors } = await add(input, who);
    expect(errors).toBeUndefined();
    return data!.addService as Record<string, any>;
  };
  /** The service as stored: its row, join rows and shelter. */
  const stored = async (id: string) => ({
    service: await subgraph.db.getRepository(Service).findOneBy({ id }),
    languages: (await subgraph.db.getRepository(ServiceLanguage).findBy({ serviceId: id })).map((l) => l.language).sort(),
    populations: (await subgraph.db.getRepository(ServicePopulation).findBy({ serviceId: id })).map((p) => p.population).sort(),
    shelter: await subgraph.db.getRepository(Shelter).findOneBy({ serviceId: id }),
  });

  describe('addService', () => {
    it('adds a shelter with its details, languages and populations once each, in step with the join tables', async () => {
      const input = shelterInput(
        orgA.id,
        {},
        { country: 'gt', languages: ['spa', 'quc', 'spa'], populations: ['WOMEN', 'WOMEN', 'CHILDREN'] },
      );
      const service = await added(input, memberA);
      expect(service).toMatchObject({
        name: 'Valid shelter',
        type: 'SHELTER',
        country: { code: 'GT' },
        organization: { id: orgA.id },
        free: true,
        languages: ['spa', 'quc'],
        populations: ['WOMEN', 'CHILDREN'],
        latitude: 14.6349,
        longitude: -90.5069,
        shelter: { kind: 'EMERGENCY', capacity: 12, minAge: 18, maxAge: 60, address: 'Calle Secreta 7, Zona 2', availableBeds: 3 },
      });
      const row = await stored(service.id);
      expect(row.languages).toEqual(['quc', 'spa']);
      expect(row.populations).toEqual(['CHILDREN', 'WOMEN']);
      expect(row.shelter).toMatchObject({ capacity: 12, address: 'Calle Secreta 7, Zona 2' });
    });

    it('refuses an anonymous caller with UNAUTHENTICATED and writes nothing', async () => {
      const before = await tableCounts(subgraph.db);
      const { errors } = await add(serviceInput(orgA.id), null);
      expect(errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(await tableCounts(subgraph.db)).toEqual(before);
    });

    it.each([
      ['a member of another organization', () => memberB],
      ['a user who is a member of none', () => viewer()],
      ['an AUTHORITY', () => viewer('AUTHORITY', 'GT')],
    ])('refuses %s with FORBIDDEN and writes nothing', async (_who, who) => {
      const before = await tableCounts(subgraph.db);
      const { errors } = await add(serviceInput(orgA.id), who());
      expect(errors![0].extensions.code).toBe('FORBIDDEN');
      expect(await tableCounts(subgraph.db)).toEqual(before);
    });

    it('lets a member of a PENDING organization prepare services, and refuses one of a SUSPENDED organization', async () => {
      const member = viewer();
      const pending = await insertOrganization(subgraph.db, { name: 'Pending Org', countryCode: 'GT', status: VerificationStatus.PENDING });
      await insertMembership(subgraph.db, member.id, pending);
      expect((await added(serviceInput(pending.id), member)).name).toBe('Valid service');
      await subgraph.execute(VERIFY, { id: pending.id, s: 'SUSPENDED' }, secretariat);
      const before = await tableCounts(subgraph.db);
      const { errors } = await add(serviceInput(pending.id), member);
      expect(errors![0].extensions.code).toBe('FORBIDDEN');
      expect(errors![0].message).toMatch(/SUSPENDED/);
      expect(await tableCounts(subgraph.db)).toEqual(before);
    });

    it('answers NOT_FOUND for an unknown organization, and for a pending one the caller may not see', async () => {
      const pending = await insertOrganization(subgraph.db, {
        name: 'Hidden Pending',
        countryCode: 'GT',
        status: VerificationStatus.PENDING,
      });
      for (const id of [newId(), 'nope', pending.id]) {
        expect((await add(serviceInput(id), memberA)).errors![0].extensions.code).toBe('NOT_FOUND');
      }
    });

    it('lets the Secretariat add a service to any organization, a pending one included', async () => {
      const pending = await insertOrganization(subgraph.db, {
        name: 'Pending For Secretariat',
        countryCode: 'GT',
        status: VerificationStatus.PENDING,
      });
      expect((await added(serviceInput(pending.id), secretariat)).organization).toEqual({ id: pending.id });
    });
  });

  describe('updateService', () => {
    it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
      const service = await added(serviceInput(orgA.id), memberA);
      expect((await update(service.id, { name: 'New' }, null)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it("refuses a member of organization A an update of organization B's service, which stays unchanged", async () => {
      const service = await added(shelterInput(orgB.id, {}, { languages: ['spa'] }), memberB);
      const before = await stored(service.id);
      const { errors } = await update(
        service.id,
        { name: 'Hijacked', languages: ['eng'], shelter: { kind: 'LONG_TERM', capacity: 1 } },
        memberA,
      );
      expect(errors![0].extensions.code).toBe('FORBIDDEN');
      expect(await stored(service.id)).toEqual(before);
    });

    it('changes only the fields given, clears those given as null, and keeps the join tables in step', async () => {
      const service = await added(
        serviceInput(orgA.id, { description: 'Cleared', city: 'Kept', phone: '+502 2222 3333', languages: ['spa'] }),
        memberA,
      );
      const { data, errors } = await update(
        service.id,
        { name: 'Renamed', description: null, languages: ['eng', 'hat', 'eng'], populations: ['MIGRANTS'], free: false },
        memberA,
      );
      expect(errors).toBeUndefined();
      expect(data!.updateService).toMatchObject({
        name: 'Renamed',
        description: null,
        city: 'Kept',
        phone: '+502 2222 3333',
        languages: ['eng', 'hat'],
        populations: ['MIGRANTS'],
        free: false,
      });
      const row = await stored(service.id);
      expect(row.service).toMatchObject({
        name: 'Renamed',
        description: null,
        phone: '+50222223333',
        languages: ['eng', 'hat'],
        free: false,
      });
      expect(row.languages).toEqual(['eng', 'hat']);
      expect(row.populations).toEqual(['MIGRANTS']);
      // A search by language and type reads the join rows: it finds the service by its new languages only.
      const found = async (language: string) => {
        const { data: page, errors: failed } = await subgraph.execute(
          'query($f: ServiceFilter) { services(filter: $f, first: 100) { nodes { id } } }',
          { f: { language, type: 'LEGAL_AID' } },
          memberA,
        );
        expect(failed).toBeUndefined();
        return (page as { services: { nodes: { id: string }[] } }).services.nodes.map((node) => node.id);
      };
      expect(await found('hat')).toContain(service.id);
      expect(await found('spa')).not.toContain(service.id);
    });

    it('replaces the shelter of a SHELTER service whole', async () => {
      const service = await added(shelterInput(orgA.id), memberA);
      const { data, errors } = await update(service.id, { shelter: { kind: 'LONG_TERM', capacity: 4 } }, memberA);
      expect(errors).toBeUndefined();
      expect(data!.updateService.shelter).toEqual({
        kind: 'LONG_TERM',
        capacity: 4,
        minAge: null,
        maxAge: null,
        address: null,
        availableBeds: null,
      });
      expect((await stored(service.id)).shelter).toMatchObject({ kind: 'LONG_TERM', capacity: 4, address: null });
    });

    it('refuses shelter details on a HOTLINE, naming shelter, and writes nothing', async () => {
      const service = await added(serviceInput(orgA.id, { type: 'HOTLINE' }), memberA);
      const before = await tableCounts(subgraph.db);
      const { errors } = await update(service.id, { name: 'Changed', shelter: { kind: 'EMERGENCY', capacity: 3 } }, memberA);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shelter' });
      expect(await tableCounts(subgraph.db)).toEqual(before);
      expect((await stored(service.id)).service!.name).toBe('Valid service');
    });

    it('checks latitude and longitude together with what is stored', async () => {
      const bare = await added(serviceInput(orgA.id), memberA);
      expect((await update(bare.id, { latitude: 10 }, memberA)).errors![0].extensions).toMatchObject({ field: 'longitude' });
      const placed = await added(serviceInput(orgA.id, { latitude: 10, longitude: -84 }), memberA);
      expect((await update(placed.id, { latitude: 10.5 }, memberA)).data!.updateService).toMatchObject({ latitude: 10.5, longitude: -84 });
    });

    it('answers NOT_FOUND for an unknown service and for one of a pending organization the caller may not see', async () => {
      const pending = await insertOrganization(subgraph.db, {
        name: 'Pending With Service',
        countryCode: 'GT',
        status: VerificationStatus.PENDING,
      });
      const hidden = await added(serviceInput(pending.id), secretariat);
      for (const id of [newId(), 'nope', hidden.id]) {
        expect((await update(id, { name: 'New name' }, memberA)).errors![0].extensions.code).toBe('NOT_FOUND');
      }
    });

    it('lets the Secretariat change any service', async () => {
      const service = await added(serviceInput(orgB.id), memberB);
      expect((await update(service.id, { name: 'By the Secretariat' }, secretariat)).data!.updateService.name).toBe('By the Secretariat');
    });
  });
});
