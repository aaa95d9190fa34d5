import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Issue 18: the append-only log of the feed of publications, and the one counter row its ids are drawn
 * from inside the writing transaction: the row's lock makes event-writing transactions commit in id order,
 * with no gaps, so a reader asking for "the events after N" never misses one committed later with a
 * smaller id (as it could with auto-increment on MySQL). No foreign key: the log is never rewritten.
 */
export class CreateReportEvents1765200009000 implements MigrationInterface {
  name = 'CreateReportEvents1765200009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'report_events',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'at', type: 'datetime', precision: 3 },
          { name: 'report_id', type: 'varchar', length: '36' },
          { name: 'country_code', type: 'varchar', length: '2' },
          { name: 'period_id', type: 'varchar', length: '40' },
          { name: 'status', type: 'varchar', length: '20' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'report_event_sequence',
        columns: [
          { name: 'name', type: 'varchar', length: '20', isPrimary: true },
          { name: 'value', type: 'integer' },
        ],
      }),
    );
    await queryRunner.query("INSERT INTO report_event_sequence (name, value) VALUES ('events', 0)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('report_event_sequence');
    await queryRunner.dropTable('report_events');
  }
}
