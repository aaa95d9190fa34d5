import { openDatabase } from '../../services/kit/database';
import { CreateOrganizations1764400003000 } from '../../services/organizations/migrations/1764400003000-CreateOrganizations';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { cleanUp, testConfig } from '../helpers/config';

const ORGANIZATION =
  "INSERT INTO organizations (id, name, kind, country_code, phone, status, is_demo) VALUES (?, 'Old', 'NGO', 'GT', ?, 'VERIFIED', ?)";
const SERVICE =
  'INSERT INTO services (id, name, type, organization_id, country_code, city, languages, populations, free, phone, is_demo) ' +
  "VALUES (?, 'Old line', 'HOTLINE', ?, 'GT', ?, '[\"spa\"]', '[]', ?, ?, ?)";
const ORG_ID = '00000000-0000-4000-8000-000000000001';
const SERVICE_ID = '00000000-0000-4000-8000-000000000002';

describe('organizations subgraph: migrations', () => {
  it('widens phone and city columns keeping their values, adds the access log, and types the language rows', async () => {
    const config = await testConfig();
    const options = { service: 'organizations' as const, entities: organizationsSubgraph.entities };
    try {
      const old = await openDatabase(config, { ...options, migrations: [CreateOrganizations1764400003000] });
      await old.query(ORGANIZATION, [ORG_ID, '+1 555 0100', false]);
      await old.query(SERVICE, [SERVICE_ID, ORG_ID, 'Ciudad de Guatemala', true, '+502 5555 0000', false]);
      await old.query("INSERT INTO service_languages (service_id, language) VALUES (?, 'spa')", [SERVICE_ID]);
      await old.destroy();

      const db = await openDatabase(config, { ...options, migrations: organizationsSubgraph.migrations });
      try {
        expect((await db.query('SELECT phone FROM organizations'))[0].phone).toBe('+1 555 0100');
        expect(await db.query('SELECT city, phone FROM services')).toEqual([{ city: 'Ciudad de Guatemala', phone: '+502 5555 0000' }]);
        // The new widths hold (MySQL refuses a value over a column's width).
        await db.query('UPDATE services SET city = ?, phone = ?', ['c'.repeat(200), 'p'.repeat(100)]);
        await db.query('UPDATE organizations SET phone = ?', ['p'.repeat(100)]);
        expect(await db.query('SELECT COUNT(*) AS n FROM shelter_access_log')).toEqual([{ n: expect.anything() }]);
        // Each language row of a service already there gets the service's type.
        expect(await db.query('SELECT language, service_type FROM service_languages')).toEqual([
          { language: 'spa', service_type: 'HOTLINE' },
        ]);
      } finally {
        await db.destroy();
      }
    } finally {
      await cleanUp(config);
    }
  });
});
