import { openDatabase, type MigrationList } from '../../services/kit/database';
import { engineOf } from '../../services/kit/full-text';
import { paginateList } from '../../services/kit/keyset';
import { VerificationStatus } from '../../services/organizations/entities/organization.entity';
import { cityKey } from '../../services/organizations/places';
import { ListVisibility1765500003000 } from '../../services/organizations/migrations/1765500003000-ListVisibility';
import { serviceCriteria } from '../../services/organizations/service-criteria';
import { servicesQuery } from '../../services/organizations/service-query';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { scopeFor, visibilityOf } from '../../services/organizations/visibility';
import type { Viewer } from '../../services/platform/auth';
import type { Config } from '../../services/platform/config';
import { viewer } from '../helpers/auth';
import { cleanUp, testConfig } from '../helpers/config';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';
import { ADD, insertMembership, insertOrganization, serviceInput, VERIFY } from './fixtures';

/**
 * Lists of services test the copy of its organization's status each service holds (organization_status):
 * the copy must follow every verification decision, every new service, and the rows already there when
 * the column came.
 */
describe('services listed by their organization status', () => {
  describe('as the writes keep it', () => {
    let subgraph: SubgraphUnderTest;
    const secretariat = viewer('SECRETARIAT');
    const member = viewer();
    beforeAll(async () => {
      subgraph = await openSubgraph(organizationsSubgraph);
    });
    afterAll(() => subgraph.close());

    const listed = async (who: Viewer | null) => {
      const { data, errors } = await subgraph.execute(
        `{ services(filter: { search: "Copper" }, first: 50) { totalCount nodes { name } } byCountry: services(filter: { country: "HN" }, first: 50) { nodes { name } } }`,
        {},
        who,
      );
      expect(errors).toBeUndefined();
      const services = data!.services as { totalCount: number; nodes: { name: string }[] };
      const byCountry = (data!.byCountry as { nodes: { name: string }[] }).nodes.map((n) => n.name);
      // The search and the country list agree, and the count with the nodes.
      expect(services.nodes.map((n) => n.name).sort()).toEqual(byCountry.filter((name) => name.includes('Copper')).sort());
      expect(services.totalCount).toBe(services.nodes.length);
      return byCountry.filter((name) => name.includes('Copper')).sort();
    };

    it('hides a new organization’s services until it is verified, and again once it is suspended', async () => {
      const organization = await insertOrganization(subgraph.db, {
        name: 'Copper Network',
        countryCode: 'HN',
        status: VerificationStatus.PENDING,
      });
      await insertMembership(subgraph.db, member.id, organization);
      const { errors } = await subgraph.execute(
        ADD,
        { i: serviceInput(organization.id, { name: 'Copper Hotline', country: 'HN' }) },
        member,
      );
      expect(errors).toBeUndefined();
      expect(await listed(null)).toEqual([]);
      // Its members see it in lists while it is pending, as they always did.
      expect(await listed(member)).toEqual(['Copper Hotline']);
      expect(await listed(secretariat)).toEqual(['Copper Hotline']);

      expect((await subgraph.execute(VERIFY, { id: organization.id, s: 'VERIFIED' }, secretariat)).errors).toBeUndefined();
      expect(await listed(null)).toEqual(['Copper Hotline']);

      expect((await subgraph.execute(VERIFY, { id: organization.id, s: 'SUSPENDED' }, secretariat)).errors).toBeUndefined();
      expect(await listed(null)).toEqual([]);
      expect(await listed(secretariat)).toEqual(['Copper Hotline']);
    });
  });

  describe('on a directory that had services before the column', () => {
    const ALL = organizationsSubgraph.migrations as Exclude<MigrationList, Record<string, unknown>>;
    const BEFORE = ALL.slice(0, ALL.indexOf(ListVisibility1765500003000));
    const open = (config: Config, migrations: MigrationList) =>
      openDatabase(config, { service: 'organizations', entities: organizationsSubgraph.entities, migrations });
    const ORGS = {
      VERIFIED: '6f1c2a4e-0000-4000-8000-000000000031',
      PENDING: '6f1c2a4e-0000-4000-8000-000000000032',
      SUSPENDED: '6f1c2a4e-0000-4000-8000-000000000033',
    };
    const SERVICE = (n: number) => `6f1c2a4e-0000-4000-8000-00000000004${n}`;
    let config: Config;
    beforeAll(async () => {
      config = await testConfig();
      const before = await open(config, BEFORE);
      let n = 0;
      for (const [status, id] of Object.entries(ORGS)) {
        await before.query('INSERT INTO organizations (id, name, kind, country_code, status, is_demo) VALUES (?, ?, ?, ?, ?, ?)', [
          id,
          `Red ${status}`,
          'NGO',
          'MX',
          status,
          false,
        ]);
        n += 1;
        await before.query(
          'INSERT INTO services (id, name, type, organization_id, country_code, city, city_key, languages, populations, free, is_demo, recency) ' +
            "VALUES (?, ?, 'LEGAL_AID', ?, 'MX', 'Tapachula', ?, '[\"spa\"]', '[]', ?, ?, ?)",
          [SERVICE(n), `Asesoría ${status}`, id, cityKey('Tapachula'), true, false, `a${n}`],
        );
      }
      await before.destroy();
    });
    afterAll(() => cleanUp(config));

    it('lists the services of verified organizations only to the public, and every one to the Secretariat', async () => {
      const db = await open(config, ALL);
      try {
        const names = async (who: Viewer | null, filter: Record<string, unknown>) => {
          const visibility = visibilityOf(scopeFor(who, null, []), engineOf(db), () => Promise.resolve(null));
          const page = await paginateList(servicesQuery(db, serviceCriteria(filter), visibility), { first: 100 });
          expect(page.totalCount).toBe(page.nodes.length);
          return page.nodes.map((s) => s.name).sort();
        };
        const filters = [
          { country: 'MX' },
          { city: 'tapachula' },
          { search: 'asesoría' },
          { search: 'asesoría', country: 'MX' },
          { orderBy: 'NEWEST' },
        ];
        for (const filter of filters) {
          expect(await names(null, filter)).toEqual(['Asesoría VERIFIED']);
          expect(await names(viewer('SECRETARIAT'), filter)).toEqual(['Asesoría PENDING', 'Asesoría SUSPENDED', 'Asesoría VERIFIED']);
        }
      } finally {
        await db.destroy();
      }
    });
  });
});
