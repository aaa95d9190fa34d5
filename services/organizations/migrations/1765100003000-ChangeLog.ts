import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Issue 17, nothing is lost: the history of every write to an organization and its services (kit/change-log.ts). */
export class ChangeLog1765100003000 implements MigrationInterface {
  name = 'ChangeLog1765100003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'organization_changes',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'organization_id', type: 'varchar', length: '36' },
          { name: 'service_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'country_code', type: 'varchar', length: '2' },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'at', type: 'datetime', precision: 3 },
          { name: 'fields', type: 'text' },
          { name: 'recency', type: 'varchar', length: '13' },
        ],
        indices: [
          { name: 'idx_organization_changes_organization_recency', columnNames: ['organization_id', 'recency'] },
          { name: 'idx_organization_changes_service_recency', columnNames: ['service_id', 'recency'] },
          { name: 'idx_organization_changes_country_recency', columnNames: ['country_code', 'recency'] },
          { name: 'idx_organization_changes_recency', columnNames: ['recency'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('organization_changes');
  }
}
