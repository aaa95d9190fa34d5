import { openDatabase, type MigrationList } from '../../services/kit/database';
import { engineOf } from '../../services/kit/full-text';
import { ServicePlaces1765400003000 } from '../../services/organizations/migrations/1765400003000-ServicePlaces';
import { serviceCriteria } from '../../services/organizations/service-criteria';
import { servicesQuery } from '../../services/organizations/service-query';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { scopeFor, visibilityOf } from '../../services/organizations/visibility';
import { paginateList } from '../../services/kit/keyset';
import type { Config } from '../../services/platform/config';
import { viewer } from '../helpers/auth';
import { cleanUp, testConfig } from '../helpers/config';
import { insertOrganization, insertService } from './fixtures';

const ORG_ID = '6f1c2a4e-0000-4000-8000-000000000021';
const OLDER = '6f1c2a4e-0000-4000-8000-000000000022';
const NEWER = '6f1c2a4e-0000-4000-8000-000000000023';
const ALL = organizationsSubgraph.migrations as Exclude<MigrationList, Record<string, unknown>>;
const BEFORE = ALL.slice(0, ALL.indexOf(ServicePlaces1765400003000));
const open = (config: Config, migrations: MigrationList) =>
  openDatabase(config, { service: 'organizations', entities: organizationsSubgraph.entities, migrations });

/** The places migration of issue 20 on a directory that already has services: city keys and recency filled from the rows. */
describe('organizations migration to city keys and recency', () => {
  let config: Config;
  beforeAll(async () => {
    config = await testConfig();
    const before = await open(config, BEFORE);
    await before.query(
      "INSERT INTO organizations (id, name, kind, country_code, status, is_demo) VALUES (?, 'Red Cobre', 'NGO', 'MX', 'VERIFIED', ?)",
      [ORG_ID, false],
    );
    const insert =
      'INSERT INTO services (id, name, type, organization_id, country_code, city, languages, populations, free, is_demo, updated_at) ' +
      "VALUES (?, ?, 'LEGAL_AID', ?, 'MX', ?, '[\"spa\"]', '[]', ?, ?, ?)";
    await before.query(insert, [OLDER, 'Asesoría Cobre', ORG_ID, 'Tapachula', true, false, '2025-03-01 10:00:00.000']);
    await before.query(insert, [NEWER, 'Clínica Cobre', ORG_ID, 'Ciudad  Hidalgo', true, false, '2025-06-01 10:00:00.000']);
    await before.destroy();
  });
  afterAll(() => cleanUp(config));

  it('lets the services already there be found by city and ordered by NEWEST, beside new ones', async () => {
    const db = await open(config, ALL);
    try {
      const visibility = visibilityOf(scopeFor(viewer('SECRETARIAT'), null, []), engineOf(db), () => Promise.resolve(null));
      const ids = async (filter: Record<string, unknown>) =>
        (await paginateList(servicesQuery(db, serviceCriteria(filter), visibility), { first: 100 })).nodes.map((s) => s.id);
      expect(await ids({ city: 'TAPACHULA' })).toEqual([OLDER]);
      expect(await ids({ city: 'ciudad hidalgo' })).toEqual([NEWER]);
      expect(await ids({ orderBy: 'NEWEST' })).toEqual([NEWER, OLDER]);
      const organization = await insertOrganization(db, { name: 'Red Estaño', countryCode: 'MX' });
      const added = await insertService(db, organization, { name: 'Oficina Estaño', city: 'Tapachula' });
      expect(await ids({ orderBy: 'NEWEST' })).toEqual([added.id, NEWER, OLDER]);
      expect((await ids({ city: 'tapachula' })).sort()).toEqual([OLDER, added.id].sort());
    } finally {
      await db.destroy();
    }
  });
});
