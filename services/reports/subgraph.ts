import type { SubgraphDefinition } from '../kit/subgraph';
import { upsertRows } from '../kit/seed';
import { demoReports } from './demo';
import { CountryReport } from './entities/country-report.entity';
import { IndicatorEntry } from './entities/indicator-entry.entity';
import { NationalPlan } from './entities/national-plan.entity';
import { ReportChange } from './entities/report-change.entity';
import { ReportEvent } from './entities/report-event.entity';
import { ReportingPeriod } from './entities/reporting-period.entity';
import { recordDemoEvents } from './events';
import { reportEventsFeed } from './feed';
import { createLoaders, Loaders } from './loaders';
import { CreateReports1765200007000 } from './migrations/1765200007000-CreateReports';
import { CreateReportEvents1765200009000 } from './migrations/1765200009000-CreateReportEvents';
import { buildReportsSchema } from './schema';
import { WriteGeneration1765600000000 } from '../kit/write-generation';

export const reportsSubgraph: SubgraphDefinition<Loaders> = {
  name: 'reports',
  entities: [ReportingPeriod, CountryReport, IndicatorEntry, NationalPlan, ReportChange, ReportEvent],
  migrations: [CreateReports1765200007000, CreateReportEvents1765200009000, WriteGeneration1765600000000],
  buildSchema: buildReportsSchema,
  createLoaders,
  feeds: [reportEventsFeed],
  async seed(db, config) {
    if (!config.seedDemo) return;
    const demo = demoReports();
    await upsertRows(db, ReportingPeriod, demo.periods, ['id']);
    await upsertRows(db, CountryReport, demo.reports, ['id']);
    await upsertRows(db, IndicatorEntry, demo.entries, ['reportId', 'indicatorId']);
    await upsertRows(db, NationalPlan, demo.plans, ['id']);
    await recordDemoEvents(db, demo.events);
  },
};
