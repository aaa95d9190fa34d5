import { openDatabase, type MigrationList } from '../../services/kit/database';
import { engineOf } from '../../services/kit/full-text';
import { ServicePlaces1765400003000 } from '../../services/organizations/migrations/1765400003000-ServicePlaces';
import { organizationCriteria, organizationsQuery } from '../../services/organizations/organization-query';
import { serviceCriteria } from '../../services/organizations/service-criteria';
import { servicesQuery } from '../../services/organizations/service-query';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { scopeFor, visibilityOf } from '../../services/organizations/visibility';
import type { Config } from '../../services/platform/config';
import { viewer } from '../helpers/auth';
import { cleanUp, testConfig } from '../helpers/config';

const ORG_ID = '6f1c2a4e-0000-4000-8000-000000000021';
const ALL = organizationsSubgraph.migrations as Exclude<MigrationList, Record<string, unknown>>;
/** The directory as issue 20 found it: before the places (city key, recency) and the stems migrations. */
const BEFORE = ALL.slice(0, ALL.indexOf(ServicePlaces1765400003000));
const open = (config: Config, migrations: MigrationList) =>
  openDatabase(config, { service: 'organizations', entities: organizationsSubgraph.entities, migrations });

/** The stems migration of issue 20 on a directory that already has organizations and services: it computes their stems. */
describe('organizations migration to searched stems', () => {
  let config: Config;
  const services = Array.from({ length: 1201 }, (_, n) => `6f1c2a4e-0000-4000-8000-${String(n).padStart(12, '0')}`);
  beforeAll(async () => {
    config = await testConfig();
    const before = await open(config, BEFORE);
    await before.query(
      "INSERT INTO organizations (id, name, kind, country_code, description, status, is_demo) VALUES (?, 'Red Cobre', 'NGO', 'BR', 'Acolhimentos de emergência.', 'VERIFIED', ?)",
      [ORG_ID, false],
    );
    // More rows than one batch of the backfill, the last one of them the one searched for.
    for (let i = 0; i < services.length; i += 300) {
      const batch = services.slice(i, i + 300);
      await before.query(
        'INSERT INTO services (id, name, type, organization_id, country_code, city, languages, populations, free, is_demo) VALUES ' +
          batch.map(() => "(?, ?, 'LEGAL_AID', ?, 'GT', 'Cobán', '[\"spa\",\"quc\"]', '[]', ?, ?)").join(', '),
        batch.flatMap((id, n) => [id, i + n === services.length - 1 ? 'Albergues Cobre' : `Servicio ${i + n}`, ORG_ID, true, false]),
      );
    }
    await before.destroy();
  });
  afterAll(() => cleanUp(config));

  it('finds the rows already there by a word form, their city and a language name', async () => {
    const db = await open(config, ALL);
    try {
      const visibility = visibilityOf(scopeFor(viewer('SECRETARIAT'), null, []), engineOf(db), () => Promise.resolve(null));
      const found = async (search: string) =>
        (await servicesQuery(db, serviceCriteria({ search }), visibility).query.getMany()).map((s) => s.name);
      expect(await found('albergue')).toEqual(['Albergues Cobre']);
      expect(await found('coban albergue')).toEqual(['Albergues Cobre']);
      expect(await found('kiche albergue')).toEqual(['Albergues Cobre']);
      expect(await found('coban')).toHaveLength(services.length);
      const organizations = await organizationsQuery(
        db,
        organizationCriteria({ search: 'acolhimento' }),
        visibility.organizations,
      ).query.getMany();
      expect(organizations.map((o) => o.name)).toEqual(['Red Cobre']);
    } finally {
      await db.destroy();
    }
  });
});
