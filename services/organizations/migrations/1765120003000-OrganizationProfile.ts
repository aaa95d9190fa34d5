import { MigrationInterface, QueryRunner } from 'typeorm';
import { engineOf } from '../../kit/full-text';
import { nameKey } from '../names';

/**
 * Issue 17, organizations that manage themselves: when each was registered and last changed, and the key
 * of its name (names.ts) under a unique index per country, so that a name is registered once per country.
 * Existing rows: created_at is the time of their first membership (the registration) or, without one, of
 * the migration; updated_at the time of the migration. Where two organizations of a country already share
 * a name, the oldest keeps the key and the others get none (NULL, which a unique index lets repeat): the
 * Secretariat can tell them apart by id, and a rename of one of them gives it its key.
 */
export class OrganizationProfile1765120003000 implements MigrationInterface {
  name = 'OrganizationProfile1765120003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Raw ALTER TABLE: TypeORM's addColumn rebuilds a SQLite table, which drops its full-text triggers and
    // renumbers the rowids the search index points at.
    const mysql = engineOf(queryRunner.connection) === 'mysql';
    const datetime = mysql ? 'datetime(3)' : 'datetime';
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    await queryRunner.query('ALTER TABLE organizations ADD COLUMN name_key varchar(64) NULL');
    for (const column of ['created_at', 'updated_at']) {
      await queryRunner.query(`ALTER TABLE organizations ADD COLUMN ${column} ${datetime} NOT NULL DEFAULT '${now}'`);
      // Rows written by other means than this subgraph's writes (fixtures, scripts) get the time of their insert.
      if (mysql) {
        await queryRunner.query(`ALTER TABLE organizations MODIFY COLUMN ${column} datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)`);
      }
    }
    await queryRunner.query(
      'UPDATE organizations SET created_at = COALESCE((SELECT MIN(m.created_at) FROM memberships m WHERE m.organization_id = organizations.id), created_at)',
    );
    const rows = (await queryRunner.query('SELECT id, country_code, name FROM organizations ORDER BY created_at, id')) as {
      id: string;
      country_code: string;
      name: string;
    }[];
    const taken = new Set<string>();
    for (const row of rows) {
      const key = nameKey(row.name);
      if (taken.has(`${row.country_code}:${key}`)) continue;
      taken.add(`${row.country_code}:${key}`);
      await queryRunner.query('UPDATE organizations SET name_key = ? WHERE id = ?', [key, row.id]);
    }
    await queryRunner.query('CREATE UNIQUE INDEX uq_organizations_country_name_key ON organizations (country_code, name_key)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      engineOf(queryRunner.connection) === 'mysql'
        ? 'DROP INDEX uq_organizations_country_name_key ON organizations'
        : 'DROP INDEX uq_organizations_country_name_key',
    );
    for (const column of ['updated_at', 'created_at', 'name_key'])
      await queryRunner.query(`ALTER TABLE organizations DROP COLUMN ${column}`);
  }
}
