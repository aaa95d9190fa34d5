import { MigrationInterface, QueryRunner } from 'typeorm';
import { recencyKey } from '../../kit/change-log';
import { engineOf } from '../../kit/full-text';
import { cityKey } from '../places';

// Plain statements: TypeORM's createIndex reads the table's metadata, which the generated column of MySQL needs a table for.
const INDEXES: [string, string][] = [
  ['idx_services_city', 'city_key, country_code, organization_id, id'],
  ['idx_services_recency', 'recency, id, organization_id'],
  ['idx_services_country_recency', 'country_code, recency, id, organization_id'],
  ['idx_services_coverage_country', 'coverage, country_code, organization_id, id'],
];

const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`));

/**
 * Issue 20, places and order of services. Each service gets:
 * - city_key, its city as `filter.city` compares it (places.ts cityKey: accents, case and spacing folded),
 *   so that the filter is an indexed equality on both engines whatever their collation;
 * - recency, its updatedAt as the ascending key of `orderBy: NEWEST` (kit/change-log.ts recencyKey), as
 *   agreements have;
 * both filled here from the rows already there, and by every write from now on; and an index on coverage,
 * which a near search reads for the NATIONAL and INTERNATIONAL services of the countries its point lies in.
 */
export class ServicePlaces1765400003000 implements MigrationInterface {
  name = 'ServicePlaces1765400003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE services ADD COLUMN city_key varchar(200) NULL');
    await queryRunner.query("ALTER TABLE services ADD COLUMN recency varchar(13) NOT NULL DEFAULT ''");
    const rows = (await queryRunner.query('SELECT id, city, updated_at FROM services')) as {
      id: string;
      city: string | null;
      updated_at: unknown;
    }[];
    for (const row of rows) {
      await queryRunner.query('UPDATE services SET city_key = ?, recency = ? WHERE id = ?', [
        cityKey(row.city),
        recencyKey(asDate(row.updated_at)),
        row.id,
      ]);
    }
    // SQLite cannot drop a column's default in place; every write sets recency (Service.deriveKeys, placeKeys).
    if (engineOf(queryRunner.connection) === 'mysql') await queryRunner.query('ALTER TABLE services ALTER COLUMN recency DROP DEFAULT');
    for (const [name, columns] of INDEXES) await queryRunner.query(`CREATE INDEX ${name} ON services (${columns})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const on = engineOf(queryRunner.connection) === 'mysql' ? ' ON services' : '';
    for (const [name] of INDEXES) await queryRunner.query(`DROP INDEX ${name}${on}`);
    await queryRunner.query('ALTER TABLE services DROP COLUMN recency');
    await queryRunner.query('ALTER TABLE services DROP COLUMN city_key');
  }
}
