import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** Who submitted a practice: it decides who reads the practice while it is under review. */
export class AddPracticeSubmitter1764401400000 implements MigrationInterface {
  name = 'AddPracticeSubmitter1764401400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('practices', new TableColumn({ name: 'submitted_by', type: 'varchar', length: '36', isNullable: true }));
    await queryRunner.createIndex('practices', new TableIndex({ name: 'idx_practices_submitted_by', columnNames: ['submitted_by'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('practices', 'idx_practices_submitted_by');
    await queryRunner.dropColumn('practices', 'submitted_by');
  }
}
