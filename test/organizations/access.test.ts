import type { Viewer } from '../../services/platform/auth';
import { VerificationStatus } from '../../services/organizations/entities/organization.entity';
import type { Organization } from '../../services/organizations/entities/organization.entity';
import type { Service } from '../../services/organizations/entities/service.entity';
import { coarsen, distanceKm } from '../../services/organizations/geo';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { viewer } from '../helpers/auth';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';
import { countryRef, insertMembership, insertOrganization, insertService } from './fixtures';

const ADDRESS = 'Calle Reservada 12, Zona 1';
const SHELTER_FIELDS = 'id latitude longitude shelter { capacity address availableBeds }';

describe('organizations subgraph: what each viewer sees', () => {
  let subgraph: SubgraphUnderTest;
  const secretariat = viewer('SECRETARIAT');
  const officer = viewer('AUTHORITY', 'GT');
  const member = viewer();
  const stranger = viewer();
  let pending: Organization;
  let pendingShelter: Service;
  let verifiedShelter: Service;
  beforeAll(async () => {
    subgraph = await openSubgraph(organizationsSubgraph);
    pending = await insertOrganization(subgraph.db, { name: 'Zeta Pending', countryCode: 'BZ', status: VerificationStatus.PENDING });
    pendingShelter = await insertService(subgraph.db, pending, {
      name: 'Zeta Shelter',
      latitude: 17.2514,
      longitude: -88.7669,
      shelter: { address: ADDRESS, availableBeds: 4 },
    });
    const verified = await insertOrganization(subgraph.db, { name: 'Zeta Verified', countryCode: 'BZ' });
    verifiedShelter = await insertService(subgraph.db, verified, {
      name: 'Zeta Open Shelter',
      latitude: 17.5046,
      longitude: -88.1962,
      shelter: { address: 'Avenida Abierta 3', availableBeds: 1 },
    });
    await insertMembership(subgraph.db, member.id, pending);
  });
  afterAll(() => subgraph.close());

  const run = async (source: string, who: Viewer | null, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await subgraph.execute(source, variables, who);
    expect(errors).toBeUndefined();
    return data as Record<string, any>;
  };
  const names = async (who: Viewer | null) =>
    run(
      `query($r: [_Any!]!) { organizations(filter: { search: "Zeta" }) { nodes { name } }
         services(filter: { search: "Zeta" }) { nodes { name } }
         _entities(representations: $r) { ... on Country { organizations { name } services { name } } } }`,
      who,
      { r: [countryRef('BZ')] },
    );
  const logRows = async () => Number((await subgraph.db.query('SELECT COUNT(*) AS n FROM shelter_access_log'))[0].n);

  describe('organizations and services', () => {
    it('show the public, an AUTHORITY and a stranger verified organizations only', async () => {
      for (const who of [null, officer, stranger]) {
        const data = await names(who);
        expect(JSON.stringify(data)).not.toContain('Zeta Pending');
        expect(JSON.stringify(data)).not.toContain('Zeta Shelter');
        expect(data.organizations.nodes).toEqual([{ name: 'Zeta Verified' }]);
      }
    });

    it('show a member its pending organization and its services, everywhere', async () => {
      const data = await names(member);
      expect(data.organizations.nodes).toEqual([{ name: 'Zeta Pending' }, { name: 'Zeta Verified' }]);
      expect(data.services.nodes).toEqual([{ name: 'Zeta Open Shelter' }, { name: 'Zeta Shelter' }]);
      expect(data._entities[0].organizations.map((o: { name: string }) => o.name)).toContain('Zeta Pending');
      expect(data._entities[0].services.map((s: { name: string }) => s.name)).toContain('Zeta Shelter');
      const byId = await run(
        `{ organization(id: "${pending.id}") { name services { name } } service(id: "${pendingShelter.id}") { name } }`,
        member,
      );
      expect(byId).toEqual({
        organization: { name: 'Zeta Pending', services: [{ name: 'Zeta Shelter' }] },
        service: { name: 'Zeta Shelter' },
      });
    });

    it('show the Secretariat every status, unless it narrows by status', async () => {
      const all = await run('{ organizations(filter: { search: "Zeta" }) { nodes { name status } } }', secretariat);
      expect(all.organizations.nodes).toEqual([
        { name: 'Zeta Pending', status: 'PENDING' },
        { name: 'Zeta Verified', status: 'VERIFIED' },
      ]);
      const narrowed = await run('{ organizations(filter: { search: "Zeta", status: PENDING }) { nodes { name } } }', secretariat);
      expect(narrowed.organizations.nodes).toEqual([{ name: 'Zeta Pending' }]);
      expect((await names(secretariat)).services.nodes).toHaveLength(2);
    });
  });

  describe("a member's statements", () => {
    /** The SQL texts a request runs: on SQLite each distinct text is a prepared statement of its own. */
    const statements = async (source: string, who: Viewer) => {
      const logger = subgraph.db.logger;
      const logQuery = logger.logQuery.bind(logger);
      const texts = new Set<string>();
      logger.logQuery = (query, ...rest) => {
        texts.add(query);
        return logQuery(query, ...rest);
      };
      try {
        await run(source, who, { r: [countryRef('BZ')] });
      } finally {
        logger.logQuery = logQuery;
      }
      return [...texts].sort();
    };

    it('are the same texts whatever the number of organizations it is a member of', async () => {
      const joiner = viewer();
      const source = `query($r: [_Any!]!) { organizations(filter: { country: "BZ" }) { totalCount nodes { name services { name } } }
        services(filter: { near: { latitude: 17.2514, longitude: -88.7669 }, radiusKm: 100 }) { nodes { name distanceKm } }
        _entities(representations: $r) { ... on Country { organizations { name } services { name } } } }`;
      // The second is based elsewhere: the lists asked for stay the same, so do their batches (`IN (?, ?)`).
      const others = [
        await insertOrganization(subgraph.db, { name: 'Ypsilon Joined One', countryCode: 'BZ', status: VerificationStatus.PENDING }),
        await insertOrganization(subgraph.db, { name: 'Ypsilon Joined Two', countryCode: 'HN', status: VerificationStatus.PENDING }),
      ];
      await insertMembership(subgraph.db, joiner.id, others[0]);
      const one = await statements(source, joiner);
      await insertMembership(subgraph.db, joiner.id, others[1]);
      const two = await statements(source, joiner);
      expect(two).toEqual(one);
      const data = await run('{ organizations(filter: { search: "Ypsilon Joined" }) { nodes { name } } }', joiner);
      expect(data.organizations.nodes).toEqual([{ name: 'Ypsilon Joined One' }, { name: 'Ypsilon Joined Two' }]);
    });
  });

  describe('shelter details', () => {
    const shelters = async (who: Viewer | null) => {
      const data = await run(
        `{ a: service(id: "${pendingShelter.id}") { ${SHELTER_FIELDS} } b: service(id: "${verifiedShelter.id}") { ${SHELTER_FIELDS} } }`,
        who,
      );
      return [data.a, data.b];
    };

    it('are null, without an error, and positions coarsened for the public and strangers', async () => {
      for (const who of [null, stranger]) {
        const [, open] = await shelters(who);
        expect(open).toMatchObject({ latitude: 17.5, longitude: -88.2, shelter: { capacity: 10, address: null, availableBeds: null } });
      }
    });

    it("are given to a member for its own organization's shelters only", async () => {
      const [own, other] = await shelters(member);
      expect(own).toMatchObject({ latitude: 17.2514, longitude: -88.7669, shelter: { address: ADDRESS, availableBeds: 4 } });
      expect(other).toMatchObject({ latitude: 17.5, shelter: { address: null, availableBeds: null } });
    });

    it('are given to the Secretariat for every shelter, unlogged', async () => {
      const before = await logRows();
      const [own, other] = await shelters(secretariat);
      expect(own.shelter.address).toBe(ADDRESS);
      expect(other).toMatchObject({ latitude: 17.5046, shelter: { address: 'Avenida Abierta 3', availableBeds: 1 } });
      expect(await logRows()).toBe(before);
    });

    it("measure a member's distances from its own shelters' exact position, from the public one for the others", async () => {
      const centre = { latitude: 17.2514, longitude: -88.7669 };
      const data = await run(
        '{ services(filter: { search: "Zeta", near: { latitude: 17.2514, longitude: -88.7669 }, radiusKm: 100 }) { nodes { name distanceKm } } }',
        member,
      );
      const coarse = { latitude: coarsen(verifiedShelter.latitude!), longitude: coarsen(verifiedShelter.longitude!) };
      expect(data.services.nodes).toEqual([
        { name: 'Zeta Shelter', distanceKm: 0 },
        { name: 'Zeta Open Shelter', distanceKm: Math.round(distanceKm(centre, coarse)) },
      ]);
    });

    it('are given to an AUTHORITY for every shelter it can see, each read logged', async () => {
      const before = await logRows();
      const [hidden, open] = await shelters(officer);
      expect(hidden).toBeNull();
      expect(open).toMatchObject({ latitude: 17.5046, longitude: -88.1962, shelter: { address: 'Avenida Abierta 3', availableBeds: 1 } });
      expect(await logRows()).toBe(before + 1);
    });
  });
});
