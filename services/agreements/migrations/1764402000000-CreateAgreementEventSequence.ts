import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * One counter row that event ids are drawn from inside the writing transaction. Its row lock makes
 * event-writing transactions commit in id order, with no gaps (a rollback returns the number), so a
 * reader that asks for "the events after N" can never miss one committed later with a smaller id,
 * as it could with auto-increment on MySQL.
 */
export class CreateAgreementEventSequence1764402000000 implements MigrationInterface {
  name = 'CreateAgreementEventSequence1764402000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'agreement_event_sequence',
        columns: [
          { name: 'name', type: 'varchar', length: '20', isPrimary: true },
          { name: 'value', type: 'integer' },
        ],
      }),
    );
    const [{ last }] = (await queryRunner.query('SELECT COALESCE(MAX(id), 0) AS last FROM agreement_events')) as {
      last: number | string;
    }[];
    await queryRunner.query("INSERT INTO agreement_event_sequence (name, value) VALUES ('events', ?)", [Number(last)]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('agreement_event_sequence');
  }
}
