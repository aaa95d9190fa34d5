import { openDatabase, type MigrationList } from '../../services/kit/database';
import { engineOf } from '../../services/kit/full-text';
import { Service, ServiceCoverage } from '../../services/organizations/entities/service.entity';
import { serviceCriteria } from '../../services/organizations/service-criteria';
import { servicesQuery } from '../../services/organizations/service-query';
import { scopeFor, visibilityOf } from '../../services/organizations/visibility';
import { ServiceWorkflows1765210003000 } from '../../services/organizations/migrations/1765210003000-ServiceWorkflows';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import type { Config } from '../../services/platform/config';
import { viewer } from '../helpers/auth';
import { cleanUp, testConfig } from '../helpers/config';
import { insertOrganization, insertService } from './fixtures';

const ORG_ID = '6f1c2a4e-0000-4000-8000-000000000011';
const SERVICE_ID = '6f1c2a4e-0000-4000-8000-000000000012';
const ALL = organizationsSubgraph.migrations as Exclude<MigrationList, Record<string, unknown>>;
/**
 * The migrations before this one, then all of them: the entities read the columns later migrations add
 * (city_key, recency), and none of those changes what this one is tested on.
 */
const BEFORE = ALL.slice(0, ALL.indexOf(ServiceWorkflows1765210003000));
const open = (config: Config, migrations: MigrationList) =>
  openDatabase(config, { service: 'organizations', entities: organizationsSubgraph.entities, migrations });

/** The services migration of issue 17 on a network that already has services. */
describe('organizations migration to services maintained by their organizations', () => {
  let config: Config;
  beforeAll(async () => {
    config = await testConfig();
    const before = await open(config, BEFORE);
    await before.query(
      "INSERT INTO organizations (id, name, kind, country_code, status, is_demo) VALUES (?, 'Red Cobalto', 'NGO', 'GT', 'VERIFIED', ?)",
      [ORG_ID, false],
    );
    await before.query(
      'INSERT INTO services (id, name, type, organization_id, country_code, languages, populations, free, is_demo) ' +
        "VALUES (?, 'Asesoría Cobalto', 'LEGAL_AID', ?, 'GT', '[\"spa\"]', '[]', ?, ?)",
      [SERVICE_ID, ORG_ID, true, false],
    );
    await before.destroy();
  });
  afterAll(() => cleanUp(config));

  it('makes existing services LOCAL and not archived, dated at the migration, and keeps them and new ones searchable', async () => {
    const db = await open(config, ALL);
    try {
      const existing = await db.getRepository(Service).findOneByOrFail({ id: SERVICE_ID });
      expect(existing).toMatchObject({ coverage: ServiceCoverage.LOCAL, archived: false });
      for (const at of [existing.createdAt, existing.updatedAt]) expect(Math.abs(Date.now() - at.getTime())).toBeLessThan(60_000);
      // The Secretariat's view: every organization, so the search alone decides.
      const visibility = visibilityOf(scopeFor(viewer('SECRETARIAT'), null, []), engineOf(db), () => Promise.resolve(null));
      const found = (search: string) => servicesQuery(db, serviceCriteria({ search }), visibility).query.getMany();
      expect((await found('cobalto')).map((s) => s.id)).toEqual([SERVICE_ID]);
      const organization = await insertOrganization(db, { name: 'Red Ámbar', countryCode: 'GT' });
      const added = await insertService(db, organization, { name: 'Oficina Ámbar' });
      expect((await found('ambar')).map((s) => s.id)).toEqual([added.id]);
      expect((await db.getRepository(Service).findOneByOrFail({ id: added.id })).updatedAt).toBeInstanceOf(Date);
    } finally {
      await db.destroy();
    }
  });
});
