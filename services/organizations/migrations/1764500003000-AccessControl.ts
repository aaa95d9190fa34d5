import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/** Columns whose limits the input validation of the mutations allows past their first width. */
const WIDENED = [
  { table: 'organizations', column: 'phone', from: 50, to: 100 },
  { table: 'services', column: 'phone', from: 50, to: 100 },
  { table: 'services', column: 'city', from: 100, to: 200 },
];

/**
 * Gives a nullable varchar column a new length, keeping its values. TypeORM's changeColumn would drop
 * and re-add the column on MySQL (losing its data) when only the length changes, so: add a column of
 * the new length, copy, drop the old one, rename the new one. Works alike on SQLite and MySQL.
 */
async function resize(queryRunner: QueryRunner, table: string, column: string, length: number): Promise<void> {
  const draft = `${column}_resized`;
  await queryRunner.addColumn(table, new TableColumn({ name: draft, type: 'varchar', length: String(length), isNullable: true }));
  const q = (name: string) => queryRunner.connection.driver.escape(name);
  await queryRunner.query(`UPDATE ${q(table)} SET ${q(draft)} = ${q(column)}`);
  await queryRunner.dropColumn(table, column);
  await queryRunner.renameColumn(table, draft, column);
}

/**
 * The access issue: the append-only log of authorities' reads of confidential shelter fields, and the
 * widths that the validated inputs need (phone numbers and hours up to 100 characters, cities up to 200).
 */
export class AccessControl1764500003000 implements MigrationInterface {
  name = 'AccessControl1764500003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'shelter_access_log',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'viewer_id', type: 'varchar', length: '36' },
          { name: 'viewer_country', type: 'varchar', length: '2', isNullable: true },
          { name: 'service_id', type: 'varchar', length: '36' },
          { name: 'at', type: 'datetime', precision: 3 },
          { name: 'recency', type: 'varchar', length: '13' },
        ],
        indices: [
          { name: 'idx_shelter_access_log_recency', columnNames: ['recency', 'id'] },
          { name: 'idx_shelter_access_log_service', columnNames: ['service_id', 'recency', 'id'] },
        ],
        // No foreign key: a log row outlives anything it names.
      }),
    );
    for (const { table, column, to } of WIDENED) await resize(queryRunner, table, column, to);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Narrowing fails on MySQL when a value no longer fits, rather than cutting it.
    for (const { table, column, from } of [...WIDENED].reverse()) await resize(queryRunner, table, column, from);
    await queryRunner.dropTable('shelter_access_log');
  }
}
