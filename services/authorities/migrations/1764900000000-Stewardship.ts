import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { engineOf } from '../../kit/full-text';

/**
 * Issue 16, the directory maintained by the States: a description, an archived flag and the time of the
 * last change on every authority (existing rows get the time of the migration), and the history of changes.
 */
export class Stewardship1764900000000 implements MigrationInterface {
  name = 'Stewardship1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('national_authorities', [
      new TableColumn({ name: 'description', type: 'text', isNullable: true }),
      new TableColumn({ name: 'archived', type: 'boolean', default: false }),
    ]);
    // Existing rows get the time of the migration (UTC, as the drivers store dates). Added in raw SQL with a
    // constant default: TypeORM's changeColumn would rebuild the SQLite table and lose its full-text triggers.
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    const mysql = engineOf(queryRunner.connection) === 'mysql';
    await queryRunner.query(
      `ALTER TABLE national_authorities ADD COLUMN updated_at ${mysql ? 'datetime(3)' : 'datetime'} NOT NULL DEFAULT '${now}'`,
    );
    // Every write of this subgraph sets it; rows written by other means (fixtures, scripts) get the time of
    // their insert: TypeORM writes the entity's default on SQLite and DEFAULT on MySQL.
    if (mysql) {
      await queryRunner.query(
        'ALTER TABLE national_authorities MODIFY COLUMN updated_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)',
      );
    }
    await queryRunner.createTable(
      new Table({
        name: 'authority_changes',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'authority_id', type: 'varchar', length: '36' },
          { name: 'country_code', type: 'varchar', length: '2' },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'at', type: 'datetime', precision: 3 },
          { name: 'fields', type: 'text' },
          { name: 'recency', type: 'varchar', length: '13' },
        ],
        indices: [
          { name: 'idx_authority_changes_authority_recency', columnNames: ['authority_id', 'recency'] },
          { name: 'idx_authority_changes_recency', columnNames: ['recency'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('authority_changes');
    await queryRunner.dropColumns('national_authorities', ['updated_at', 'archived', 'description']);
  }
}
