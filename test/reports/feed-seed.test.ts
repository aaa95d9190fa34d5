import type { DataSource } from 'typeorm';
import { openDatabase } from '../../services/kit/database';
import type { Config } from '../../services/platform/config';
import { createLogger } from '../../services/platform/logger';
import { demoReports } from '../../services/reports/demo';
import { ReportStatus } from '../../services/reports/entities/country-report.entity';
import { ReportEvent, ReportEventKind } from '../../services/reports/entities/report-event.entity';
import { reportEventsFeed } from '../../services/reports/feed';
import { reportsSubgraph } from '../../services/reports/subgraph';
import { cleanUp, testConfig } from '../helpers/config';

/** The demo reports' events, as `npm start` seeds them on every start (issue 18). */
describe('the demo events of the feed of publications', () => {
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

  it('are appended once, oldest first, however often the subgraph starts', async () => {
    const log = createLogger('reports', 'silent');
    await reportsSubgraph.seed!(db, config, log);
    await reportsSubgraph.seed!(db, config, log);
    const events = await db.getRepository(ReportEvent).find({ order: { id: 'ASC' } });
    const { reports } = demoReports();
    const moved = reports.filter((report) => report.status !== ReportStatus.DRAFT);
    expect(events.map((event) => event.id)).toEqual(events.map((_, i) => i + 1));
    expect(await reportEventsFeed.head(db)).toBe(events.length);
    const ats = events.map((event) => event.at.getTime());
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    // Each moved report's events end on the status it has; a published one was submitted first.
    for (const report of moved) {
      const own = events.filter((event) => event.reportId === report.id);
      expect(own[own.length - 1].status).toBe(report.status);
      expect(own[0].kind).toBe(ReportEventKind.SUBMITTED);
    }
    expect(new Set(events.map((event) => event.reportId))).toEqual(new Set(moved.map((report) => report.id)));
  });
});
