import type { DataSource } from 'typeorm';
import { openDatabase } from '../../services/kit/database';
import { upsertRows } from '../../services/kit/seed';
import { statementCount } from '../../services/kit/statements';
import type { Config } from '../../services/platform/config';
import { demoReports } from '../../services/reports/demo';
import { CountryReport, ReportStatus } from '../../services/reports/entities/country-report.entity';
import { IndicatorEntry } from '../../services/reports/entities/indicator-entry.entity';
import { NationalPlan } from '../../services/reports/entities/national-plan.entity';
import { ReportingPeriod } from '../../services/reports/entities/reporting-period.entity';
import { progressOfPeriod } from '../../services/reports/progress-query';
import { reportsSubgraph } from '../../services/reports/subgraph';
import { cleanUp, testConfig } from '../helpers/config';

const TABLES = [
  'country_reports',
  'indicator_entries',
  'national_plans',
  'report_changes',
  'report_event_sequence',
  'report_events',
  'reporting_periods',
];

/** The reports subgraph's store, migrated on an empty database of either engine (issue 18). */
describe('the reports migration', () => {
  let config: Config;
  let db: DataSource;
  beforeAll(async () => {
    config = await testConfig();
    db = await openDatabase(config, { service: 'reports', entities: reportsSubgraph.entities, migrations: reportsSubgraph.migrations });
  });
  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    await cleanUp(config);
  });

  const tables = async () => {
    const runner = db.createQueryRunner();
    try {
      const found = await Promise.all(TABLES.map((name) => runner.hasTable(name)));
      return TABLES.filter((_, i) => found[i]);
    } finally {
      await runner.release();
    }
  };

  it('creates the tables, and one report per country and period', async () => {
    expect(await tables()).toEqual(TABLES);
    const demo = demoReports();
    await upsertRows(db, ReportingPeriod, demo.periods, ['id']);
    await upsertRows(db, CountryReport, demo.reports, ['id']);
    await upsertRows(db, IndicatorEntry, demo.entries, ['reportId', 'indicatorId']);
    await upsertRows(db, NationalPlan, demo.plans, ['id']);
    const twin = Object.assign(new CountryReport(), { ...demo.reports[0], id: '00000000-0000-4000-8000-000000000001' });
    await expect(db.getRepository(CountryReport).insert(twin)).rejects.toThrow();
  });

  it('counts each indicator and progress over the PUBLISHED reports of a period in one statement', async () => {
    const before = statementCount(db);
    const counts = await progressOfPeriod(db, '2015-2016');
    expect(statementCount(db) - before).toBe(1);
    const { reports, entries } = demoReports();
    const published = new Set(reports.filter((r) => r.periodId === '2015-2016' && r.status === ReportStatus.PUBLISHED).map((r) => r.id));
    const expected = new Map<string, number>();
    for (const entry of entries.filter((e) => published.has(e.reportId))) {
      const key = `${entry.indicatorId} ${entry.progress}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(new Map(counts.map((c) => [`${c.indicatorId} ${c.progress}`, c.countries]))).toEqual(expected);
    expect(counts.length).toBeGreaterThan(0);
  });

  it('is undone by its down migrations', async () => {
    for (let left = db.migrations.length; left > 0; left--) await db.undoLastMigration();
    expect(await tables()).toEqual([]);
  });
});
