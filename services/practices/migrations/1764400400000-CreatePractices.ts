import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

const practiceId: TableColumnOptions = { name: 'practice_id', type: 'varchar', length: '36', isPrimary: true };

/** A join table (practice_id, value): the key serves "lists of a practice", the index the filter and the reverse lookup. */
function linkTable(name: string, value: TableColumnOptions): Table {
  return new Table({
    name,
    columns: [practiceId, { ...value, isPrimary: true }],
    indices: [{ name: `idx_${name}_${value.name}`, columnNames: [value.name] }],
    foreignKeys: [{ columnNames: ['practice_id'], referencedTableName: 'practices', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
  });
}

export class CreatePractices1764400400000 implements MigrationInterface {
  name = 'CreatePractices1764400400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'practices',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'title', type: 'varchar', length: '300' },
          { name: 'summary', type: 'text' },
          { name: 'body', type: 'text', isNullable: true },
          { name: 'pillar', type: 'varchar', length: '20' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'year', type: 'int', isNullable: true },
          { name: 'language', type: 'varchar', length: '3' },
          { name: 'source_url', type: 'varchar', length: '500', isNullable: true },
          { name: 'created_at', type: 'datetime' },
          { name: 'is_demo', type: 'boolean', default: false },
        ],
        indices: [
          { name: 'idx_practices_status_title', columnNames: ['status', 'title'] },
          { name: 'idx_practices_pillar', columnNames: ['pillar'] },
        ],
      }),
    );
    await queryRunner.createTable(linkTable('practice_countries', { name: 'country_code', type: 'varchar', length: '2' }));
    await queryRunner.createTable(linkTable('practice_guidelines', { name: 'guideline_number', type: 'int' }));
    await queryRunner.createTable(linkTable('practice_populations', { name: 'population', type: 'varchar', length: '30' }));
    await queryRunner.createTable(linkTable('practice_organizations', { name: 'organization_id', type: 'varchar', length: '36' }));
    await queryRunner.createTable(linkTable('practice_authorities', { name: 'authority_id', type: 'varchar', length: '36' }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      'practice_authorities',
      'practice_organizations',
      'practice_populations',
      'practice_guidelines',
      'practice_countries',
    ]) {
      await queryRunner.dropTable(name);
    }
    await queryRunner.dropTable('practices');
  }
}
