import { openDatabase } from '../../services/kit/database';
import { nameKey } from '../../services/organizations/names';
import { OrganizationProfile1765120003000 } from '../../services/organizations/migrations/1765120003000-OrganizationProfile';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { cleanUp, testConfig } from '../helpers/config';

const ORGANIZATION = "INSERT INTO organizations (id, name, kind, country_code, status, is_demo) VALUES (?, ?, 'NGO', ?, 'VERIFIED', 0)";
const MEMBERSHIP = 'INSERT INTO memberships (user_id, organization_id, created_at) VALUES (?, ?, ?)';
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('organizations subgraph: the migration to self-managed organizations', () => {
  it('dates existing organizations by their first membership, keys their names, and keeps an older duplicate without a key', async () => {
    const config = await testConfig();
    const options = { service: 'organizations' as const, entities: organizationsSubgraph.entities };
    // Every migration up to this one, whatever came after it.
    const migrations = Object.values(organizationsSubgraph.migrations);
    const before = migrations.slice(0, migrations.indexOf(OrganizationProfile1765120003000));
    const upTo = migrations.slice(0, migrations.indexOf(OrganizationProfile1765120003000) + 1);
    try {
      const old = await openDatabase(config, { ...options, migrations: before });
      await old.query(ORGANIZATION, [id(1), 'Casa Abierta', 'GT']);
      await old.query(ORGANIZATION, [id(2), 'CASA  ABIERTA', 'GT']);
      await old.query(ORGANIZATION, [id(3), 'Casa Abierta', 'MX']);
      await old.query(MEMBERSHIP, [id(7), id(1), '2025-03-01 10:00:00']);
      await old.query(MEMBERSHIP, [id(8), id(1), '2025-04-01 10:00:00']);
      await old.query(MEMBERSHIP, [id(9), id(2), '2025-05-01 10:00:00']);
      await old.destroy();

      const started = Date.now();
      const db = await openDatabase(config, { ...options, migrations: upTo });
      try {
        const rows: { id: string; name_key: string | null; created_at: string | Date; updated_at: string | Date }[] = await db.query(
          'SELECT id, name_key, created_at, updated_at FROM organizations ORDER BY id',
        );
        const time = (value: string | Date) => new Date(value instanceof Date ? value : `${value.replace(' ', 'T')}Z`).getTime();
        expect(rows.map((r) => r.name_key)).toEqual([nameKey('Casa Abierta'), null, nameKey('Casa Abierta')]);
        expect(time(rows[0].created_at)).toBe(Date.parse('2025-03-01T10:00:00Z'));
        expect(time(rows[1].created_at)).toBe(Date.parse('2025-05-01T10:00:00Z'));
        // Without a membership, the time of the migration.
        expect(Math.abs(time(rows[2].created_at) - started)).toBeLessThan(60_000);
        for (const row of rows) expect(Math.abs(time(row.updated_at) - started)).toBeLessThan(60_000);
        // The unique index holds from now on.
        await expect(db.query('UPDATE organizations SET name_key = ? WHERE id = ?', [nameKey('Casa Abierta'), id(2)])).rejects.toThrow();
      } finally {
        await db.destroy();
      }
    } finally {
      await cleanUp(config);
    }
  });
});
