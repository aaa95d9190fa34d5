import { MigrationInterface, QueryRunner } from 'typeorm';
import { engineOf } from '../../kit/full-text';

/** Each list index of services as it was, and as it becomes: the columns of what every list tests, in it. */
const INDEXES: { name: string; before: string; after: string }[] = [
  {
    name: 'idx_services_country_type_org',
    before: 'country_code, type, organization_id, id',
    after: 'country_code, type, organization_id, id, archived, organization_status',
  },
  {
    name: 'idx_services_country_name',
    before: 'country_code, name, id, organization_id',
    after: 'country_code, archived, name, id, organization_id, organization_status',
  },
  {
    name: 'idx_services_type_position',
    before: 'type, latitude, longitude, organization_id, id',
    after: 'type, latitude, longitude, organization_id, id, archived, organization_status',
  },
  {
    name: 'idx_services_city',
    before: 'city_key, country_code, organization_id, id',
    after: 'city_key, country_code, organization_id, id, archived, organization_status',
  },
  {
    name: 'idx_services_recency',
    before: 'recency, id, organization_id',
    after: 'recency, id, organization_id, archived, organization_status',
  },
  {
    name: 'idx_services_country_recency',
    before: 'country_code, recency, id, organization_id',
    after: 'country_code, archived, recency, id, organization_id, organization_status',
  },
  {
    name: 'idx_services_coverage_country',
    before: 'coverage, country_code, organization_id, id',
    after: 'coverage, country_code, organization_id, id, archived, organization_status',
  },
];

/**
 * Issue 20, search under 50 ms on 100,000 services. Every public list leaves out archived services and
 * those of organizations the viewer may not see, and its indexes held neither: a list of one country read
 * each of its rows from the table (about 4 µs a row on SQLite) and looked its organization up (a probe a
 * row on MariaDB): counting a country of 14,000 services cost 50 ms. Each service now holds a copy of its
 * organization's status (organization_status, filled here and by every write that sets either), and the
 * list indexes hold it and `archived`, after the country where a list is by country: a list, its count and
 * its search filter are then answered from the index alone.
 */
export class ListVisibility1765500003000 implements MigrationInterface {
  name = 'ListVisibility1765500003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const on = engineOf(queryRunner.connection) === 'mysql' ? ' ON services' : '';
    await queryRunner.query("ALTER TABLE services ADD COLUMN organization_status varchar(20) NOT NULL DEFAULT 'PENDING'");
    await queryRunner.query(
      "UPDATE services SET organization_status = COALESCE((SELECT o.status FROM organizations o WHERE o.id = services.organization_id), 'PENDING')",
    );
    for (const index of INDEXES) {
      await queryRunner.query(`DROP INDEX ${index.name}${on}`);
      await queryRunner.query(`CREATE INDEX ${index.name} ON services (${index.after})`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const on = engineOf(queryRunner.connection) === 'mysql' ? ' ON services' : '';
    for (const index of INDEXES) {
      await queryRunner.query(`DROP INDEX ${index.name}${on}`);
      await queryRunner.query(`CREATE INDEX ${index.name} ON services (${index.before})`);
    }
    await queryRunner.query('ALTER TABLE services DROP COLUMN organization_status');
  }
}
