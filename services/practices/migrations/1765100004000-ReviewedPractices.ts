import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { engineOf } from '../../kit/full-text';

/**
 * Issue 17, practices are reviewed: the reason of a rejection (review_note), the time of the last change
 * (updated_at; existing practices get the time they were submitted), and the history of changes.
 */
export class ReviewedPractices1765100004000 implements MigrationInterface {
  name = 'ReviewedPractices1765100004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Raw ALTER TABLE: TypeORM's addColumn rebuilds a SQLite table, which drops its full-text triggers
    // and renumbers the rowids the search index points at.
    const mysql = engineOf(queryRunner.connection) === 'mysql';
    await queryRunner.query('ALTER TABLE practices ADD COLUMN review_note text NULL');
    await queryRunner.query(
      `ALTER TABLE practices ADD COLUMN updated_at ${mysql ? 'datetime(3)' : 'datetime'} NOT NULL DEFAULT '1970-01-01 00:00:00'`,
    );
    // The full-text trigger watches title, summary and body only: this update leaves the index alone.
    await queryRunner.query('UPDATE practices SET updated_at = created_at');
    // Every write of this subgraph sets it; rows written by other means (fixtures, scripts) get the time of
    // their insert: TypeORM writes the entity's default on SQLite and DEFAULT on MySQL.
    if (mysql) {
      await queryRunner.query('ALTER TABLE practices MODIFY COLUMN updated_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)');
    }
    await queryRunner.createTable(
      new Table({
        name: 'practice_changes',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'practice_id', type: 'varchar', length: '36' },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'at', type: 'datetime', precision: 3 },
          { name: 'fields', type: 'text' },
          { name: 'recency', type: 'varchar', length: '13' },
        ],
        indices: [
          { name: 'idx_practice_changes_practice_recency', columnNames: ['practice_id', 'recency'] },
          { name: 'idx_practice_changes_recency', columnNames: ['recency'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('practice_changes');
    for (const column of ['updated_at', 'review_note']) await queryRunner.query(`ALTER TABLE practices DROP COLUMN ${column}`);
  }
}
