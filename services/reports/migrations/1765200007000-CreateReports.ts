import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

const id: TableColumnOptions = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const at = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable });
const isDemo: TableColumnOptions = { name: 'is_demo', type: 'boolean', default: false };

/** Issue 18: reporting periods, country reports and their entries, national action plans, and the cycle's history. */
export class CreateReports1765200007000 implements MigrationInterface {
  name = 'CreateReports1765200007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'reporting_periods',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'starts_on', type: 'datetime' },
          { name: 'ends_on', type: 'datetime' },
          { name: 'due_on', type: 'datetime', isNullable: true },
          isDemo,
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'country_reports',
        columns: [
          id,
          { name: 'country_code', type: 'varchar', length: '2' },
          { name: 'period_id', type: 'varchar', length: '40' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'return_note', type: 'text', isNullable: true },
          at('submitted_at', true),
          at('published_at', true),
          at('created_at'),
          at('updated_at'),
          isDemo,
        ],
        indices: [
          { name: 'uq_country_reports_country_period', columnNames: ['country_code', 'period_id'], isUnique: true },
          { name: 'idx_country_reports_period_status', columnNames: ['period_id', 'status'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'indicator_entries',
        columns: [
          { name: 'report_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'indicator_id', type: 'varchar', length: '10', isPrimary: true },
          { name: 'progress', type: 'varchar', length: '20' },
          { name: 'narrative', type: 'text', isNullable: true },
          { name: 'evidence', type: 'text' },
          { name: 'practice_ids', type: 'text' },
          { name: 'agreement_ids', type: 'text' },
          at('updated_at'),
        ],
        indices: [{ name: 'idx_indicator_entries_indicator', columnNames: ['indicator_id', 'progress'] }],
        foreignKeys: [
          { columnNames: ['report_id'], referencedTableName: 'country_reports', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'national_plans',
        columns: [
          id,
          { name: 'country_code', type: 'varchar', length: '2' },
          { name: 'title', type: 'varchar', length: '300' },
          { name: 'start_year', type: 'int' },
          { name: 'end_year', type: 'int' },
          { name: 'url', type: 'varchar', length: '500', isNullable: true },
          { name: 'guideline_numbers', type: 'text' },
          at('updated_at'),
          isDemo,
        ],
        indices: [{ name: 'idx_national_plans_country', columnNames: ['country_code', 'start_year'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'report_changes',
        columns: [
          id,
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'subject_id', type: 'varchar', length: '40' },
          { name: 'country_code', type: 'varchar', length: '2', isNullable: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          at('at'),
          { name: 'fields', type: 'text' },
          { name: 'recency', type: 'varchar', length: '13' },
        ],
        indices: [
          { name: 'idx_report_changes_subject_recency', columnNames: ['subject_id', 'recency'] },
          { name: 'idx_report_changes_country_recency', columnNames: ['country_code', 'recency'] },
          { name: 'idx_report_changes_recency', columnNames: ['recency'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['report_changes', 'national_plans', 'indicator_entries', 'country_reports', 'reporting_periods']) {
      await queryRunner.dropTable(name);
    }
  }
}
