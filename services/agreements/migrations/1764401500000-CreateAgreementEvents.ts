import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The append-only log of agreement events, the source of the live feed. No foreign key to agreements:
 * the log outlives any change to the register and is never rewritten by one.
 */
export class CreateAgreementEvents1764401500000 implements MigrationInterface {
  name = 'CreateAgreementEvents1764401500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'agreement_events',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'at', type: 'datetime' },
          { name: 'agreement_id', type: 'varchar', length: '36' },
          { name: 'party_countries', type: 'text' },
          { name: 'status', type: 'varchar', length: '20' },
        ],
        indices: [{ name: 'idx_agreement_events_agreement', columnNames: ['agreement_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('agreement_events');
  }
}
