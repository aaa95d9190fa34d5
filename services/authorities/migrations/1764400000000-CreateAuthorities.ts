import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class CreateAuthorities1764400000000 implements MigrationInterface {
  name = 'CreateAuthorities1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'countries',
        columns: [
          { name: 'code', type: 'varchar', length: '2', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'name_es', type: 'varchar', length: '100' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'national_authorities',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '300' },
          { name: 'acronym', type: 'varchar', length: '50', isNullable: true },
          { name: 'country_code', type: 'varchar', length: '2' },
          { name: 'competences', type: 'text' },
          { name: 'website', type: 'varchar', length: '500', isNullable: true },
          { name: 'email', type: 'varchar', length: '254', isNullable: true },
          { name: 'phone', type: 'varchar', length: '50', isNullable: true },
          { name: 'is_contact_point', type: 'boolean', default: false },
          { name: 'is_demo', type: 'boolean', default: false },
        ],
        indices: [{ name: 'idx_authorities_country_name', columnNames: ['country_code', 'name'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('national_authorities');
    await queryRunner.dropTable('countries');
  }
}
