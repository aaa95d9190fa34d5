import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class CreateWorkplan1764406000000 implements MigrationInterface {
  name = 'CreateWorkplan1764406000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'guidelines',
        columns: [
          { name: 'number', type: 'int', isPrimary: true },
          { name: 'section', type: 'varchar', length: '20' },
          { name: 'text', type: 'text' },
        ],
        indices: [{ name: 'idx_guidelines_section', columnNames: ['section'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'indicators',
        columns: [
          { name: 'id', type: 'varchar', length: '10', isPrimary: true },
          { name: 'guideline_number', type: 'int' },
          { name: 'position', type: 'int' },
          { name: 'text', type: 'text' },
        ],
        indices: [{ name: 'idx_indicators_guideline', columnNames: ['guideline_number', 'position'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mandates',
        columns: [
          { name: 'number', type: 'int', isPrimary: true },
          { name: 'text', type: 'text' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'plan_items',
        columns: [
          { name: 'kind', type: 'varchar', length: '10', isPrimary: true },
          { name: 'number', type: 'int', isPrimary: true },
          { name: 'text', type: 'text' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('plan_items');
    await queryRunner.dropTable('mandates');
    await queryRunner.dropTable('indicators');
    await queryRunner.dropTable('guidelines');
  }
}
