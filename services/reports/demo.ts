import { stableId } from '../kit/ids';
import { INDICATOR_IDS } from '../kit/indicators';
import { CountryReport, ReportStatus } from './entities/country-report.entity';
import { IndicatorEntry, Progress } from './entities/indicator-entry.entity';
import { NationalPlan } from './entities/national-plan.entity';
import { ReportEventKind } from './entities/report-event.entity';
import type { ReportEventRecord } from './events';
import { ReportingPeriod } from './entities/reporting-period.entity';

/*
 * Fictional demo reports for `npm start`: two periods, reports of a few demo countries in every status,
 * entries over several indicators with every Progress value, a few national plans, and the events of the
 * feed of publications that brought each report where it stands. Every row says it is a demo in its text
 * and is flagged isDemo (the events are those of demo reports); SEED_DEMO=false leaves it all out.
 */

const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
const DAY = 86_400_000;

const PERIODS = [
  {
    id: '2015-2016',
    name: 'Bienio 2015-2016 (demostración)',
    startsOn: day('2015-01-01'),
    endsOn: day('2016-12-31'),
    dueOn: day('2017-03-31'),
  },
  {
    id: '2017-2018',
    name: 'Bienio 2017-2018 (demostración)',
    startsOn: day('2017-01-01'),
    endsOn: day('2018-12-31'),
    dueOn: day('2019-03-31'),
  },
];

const REPORTS: { country: string; period: string; status: ReportStatus; returnNote?: string }[] = [
  { country: 'GT', period: '2015-2016', status: ReportStatus.PUBLISHED },
  { country: 'GT', period: '2017-2018', status: ReportStatus.DRAFT },
  { country: 'MX', period: '2015-2016', status: ReportStatus.PUBLISHED },
  { country: 'MX', period: '2017-2018', status: ReportStatus.PUBLISHED },
  { country: 'CO', period: '2015-2016', status: ReportStatus.PUBLISHED },
  { country: 'CO', period: '2017-2018', status: ReportStatus.SUBMITTED },
  { country: 'PE', period: '2017-2018', status: ReportStatus.DRAFT },
  { country: 'PY', period: '2015-2016', status: ReportStatus.PUBLISHED },
  {
    country: 'BR',
    period: '2017-2018',
    status: ReportStatus.RETURNED,
    returnNote: '[Demo] Nota ficticia: añadan enlaces de evidencia al indicador 51-a.',
  },
];

const PROGRESS = [Progress.ACHIEVED, Progress.IN_PROGRESS, Progress.NOT_STARTED, Progress.NOT_APPLICABLE];
const ENTRIES_PER_REPORT = 5;

const PLANS = [
  {
    country: 'GT',
    title: 'Plan nacional de demostración contra la trata de personas (ficticio)',
    startYear: 2014,
    endYear: 2024,
    guidelines: [18, 19, 45],
  },
  {
    country: 'MX',
    title: 'Programa de demostración para prevenir la trata (ficticio)',
    startYear: 2014,
    endYear: 2018,
    guidelines: [20, 24, 35],
  },
  {
    country: 'CO',
    title: 'Estrategia nacional de demostración contra la trata (ficticia)',
    startYear: 2016,
    endYear: 2018,
    guidelines: [36, 51],
  },
  {
    country: 'PE',
    title: 'Plan de demostración contra la trata de personas (ficticio)',
    startYear: 2017,
    endYear: 2021,
    guidelines: [18, 47, 58],
  },
  { country: 'PY', title: 'Plan de acción de demostración (ficticio)', startYear: 2016, endYear: 2020, guidelines: [28, 49] },
];

export function demoReports() {
  const periods = PERIODS.map((period) => Object.assign(new ReportingPeriod(), { ...period, isDemo: true }));
  const ends = new Map(PERIODS.map((period) => [period.id, period.endsOn]));
  const reports = REPORTS.map((report) => {
    const written = ends.get(report.period)!;
    const reviewed = report.status === ReportStatus.DRAFT ? null : new Date(written.getTime() + 30 * DAY);
    const returned = report.status === ReportStatus.RETURNED ? new Date(written.getTime() + 45 * DAY) : null;
    return Object.assign(new CountryReport(), {
      id: stableId(`demo:report:${report.country}:${report.period}`),
      countryCode: report.country,
      periodId: report.period,
      status: report.status,
      returnNote: report.returnNote ?? null,
      submittedAt: reviewed,
      publishedAt: report.status === ReportStatus.PUBLISHED ? new Date(written.getTime() + 60 * DAY) : null,
      createdAt: written,
      updatedAt: returned ?? reviewed ?? written,
      isDemo: true,
    });
  });
  const entries = reports.flatMap((report, i) =>
    Array.from({ length: ENTRIES_PER_REPORT }, (_, j) => {
      const indicatorId = INDICATOR_IDS[(i * 7 + j * 11) % INDICATOR_IDS.length];
      return Object.assign(new IndicatorEntry(), {
        reportId: report.id,
        indicatorId,
        progress: PROGRESS[(i + j) % PROGRESS.length],
        narrative: `[Demo] Texto ficticio: avances de demostración de ${report.countryCode} sobre el indicador ${indicatorId}.`,
        evidence: [`https://example.org/enlace-demo/${report.countryCode.toLowerCase()}/${report.periodId}/${indicatorId}`],
        practiceIds: [],
        agreementIds: [],
        updatedAt: report.updatedAt,
      });
    }),
  );
  const plans = PLANS.map((plan) =>
    Object.assign(new NationalPlan(), {
      id: stableId(`demo:national-plan:${plan.country}`),
      countryCode: plan.country,
      title: plan.title,
      startYear: plan.startYear,
      endYear: plan.endYear,
      url: `https://example.org/enlace-demo/plan/${plan.country.toLowerCase()}`,
      guidelineNumbers: plan.guidelines,
      updatedAt: day(`${plan.startYear}-01-01`),
      isDemo: true,
    }),
  );
  return { periods, reports, entries, plans, events: demoEvents(reports) };
}

/**
 * The moves that brought each demo report where it stands, oldest first: submitted, then published or
 * returned (15 days after submission, its updatedAt). A DRAFT was never moved.
 */
function demoEvents(reports: CountryReport[]): ReportEventRecord[] {
  const STATUS_AFTER = {
    [ReportEventKind.SUBMITTED]: ReportStatus.SUBMITTED,
    [ReportEventKind.RETURNED]: ReportStatus.RETURNED,
    [ReportEventKind.PUBLISHED]: ReportStatus.PUBLISHED,
  };
  const event = (report: CountryReport, kind: ReportEventKind, at: Date): ReportEventRecord => ({
    kind,
    at,
    reportId: report.id,
    countryCode: report.countryCode,
    periodId: report.periodId,
    status: STATUS_AFTER[kind],
  });
  return reports
    .flatMap((report) => {
      if (report.status === ReportStatus.DRAFT) return [];
      const submitted = event(report, ReportEventKind.SUBMITTED, report.submittedAt!);
      if (report.status === ReportStatus.PUBLISHED) return [submitted, event(report, ReportEventKind.PUBLISHED, report.publishedAt!)];
      if (report.status === ReportStatus.RETURNED) return [submitted, event(report, ReportEventKind.RETURNED, report.updatedAt)];
      return [submitted];
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}
