import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class CreateAgreements1764400500000 implements MigrationInterface {
  name = 'CreateAgreements1764400500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'agreements',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'title', type: 'varchar', length: '300' },
          { name: 'kind', type: 'varchar', length: '30' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'summary', type: 'text', isNullable: true },
          { name: 'guidelines', type: 'text' },
          { name: 'signed_on', type: 'datetime', isNullable: true },
          { name: 'entry_into_force', type: 'datetime', isNullable: true },
          { name: 'created_at', type: 'datetime' },
          { name: 'is_demo', type: 'boolean', default: false },
        ],
        indices: [
          { name: 'idx_agreements_status_title', columnNames: ['status', 'title'] },
          { name: 'idx_agreements_kind', columnNames: ['kind'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agreement_parties',
        columns: [
          { name: 'agreement_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'position', type: 'int', isPrimary: true },
          { name: 'country_code', type: 'varchar', length: '2' },
          { name: 'authority_id', type: 'varchar', length: '36', isNullable: true },
        ],
        indices: [
          { name: 'idx_agreement_parties_country', columnNames: ['country_code'] },
          { name: 'idx_agreement_parties_authority', columnNames: ['authority_id'] },
        ],
        foreignKeys: [
          { columnNames: ['agreement_id'], referencedTableName: 'agreements', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('agreement_parties');
    await queryRunner.dropTable('agreements');
  }
}
