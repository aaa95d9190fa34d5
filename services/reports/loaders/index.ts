import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import type { Viewer } from '../../platform/auth';
import { firstOfEachLoader, groupLoader, lazy, rowLoader } from '../../kit/loaders';
import { firstOfEach } from '../../kit/pagination';
import { CountryReport } from '../entities/country-report.entity';
import { IndicatorEntry } from '../entities/indicator-entry.entity';
import { NationalPlan } from '../entities/national-plan.entity';
import { ReportingPeriod } from '../entities/reporting-period.entity';
import { reportVisibility } from '../visibility';
import { periodProgressLoader } from './progress';

/** Links of other subgraphs asked at once: a report holds at most 62 entries of 20 practices and 20 agreements. */
const MAX_LINKS_ASKED = 100;

/** A per-request loader whose batch function needs the request itself (the caller's token): made on first use. */
function madeOnFirstUse<K, V>(): (batch: DataLoader.BatchLoadFn<K, V>) => DataLoader<K, V> {
  let loader: DataLoader<K, V> | null = null;
  return (batch) => (loader ??= new DataLoader(batch, { maxBatchSize: MAX_LINKS_ASKED }));
}

export function createLoaders(db: DataSource, viewer: Viewer | null = null) {
  const reports = db.getRepository(CountryReport);
  const plans = db.getRepository(NationalPlan);
  const visibility = reportVisibility(viewer);
  return {
    /** What the viewer may see of the reports (visibility.ts). */
    visibility: lazy(async () => visibility),
    period: rowLoader(
      (ids: string[]) => db.getRepository(ReportingPeriod).findBy({ id: In(ids) }),
      (period) => period.id,
    ),
    report: rowLoader(
      (ids: string[]) => reports.findBy({ id: In(ids) }),
      (report) => report.id,
    ),
    plan: rowLoader(
      (ids: string[]) => plans.findBy({ id: In(ids) }),
      (plan) => plan.id,
    ),
    /** Each report's entries by indicator id, which sorts as Annex I does: its guidelines are 18 to 67, all of two digits. */
    entriesOfReport: groupLoader(
      (ids: string[]) => db.getRepository(IndicatorEntry).find({ where: { reportId: In(ids) }, order: { indicatorId: 'ASC' } }),
      (entry) => entry.reportId,
    ),
    /** The first reports of each country the viewer may see, by period: visibility and page size apply in SQL. */
    reportsOfCountry: firstOfEachLoader(
      (codes: string[], first) => {
        const query = reports.createQueryBuilder('r').where('r.country_code IN (:...codes)', { codes });
        const visible = visibility.sql('r');
        if (visible) query.andWhere(visible.sql, visible.parameters);
        return firstOfEach(query, { parent: 'r.country_code', id: 'r.id', order: ['r.period_id', 'r.id'] }, first).getMany();
      },
      (report) => report.countryCode,
    ),
    /** The first national plans of each country, by start year then title. */
    plansOfCountry: firstOfEachLoader(
      (codes: string[], first) => {
        const query = plans.createQueryBuilder('p').where('p.country_code IN (:...codes)', { codes });
        return firstOfEach(query, { parent: 'p.country_code', id: 'p.id', order: ['p.start_year', 'p.title', 'p.id'] }, first).getMany();
      },
      (plan) => plan.countryCode,
    ),
    /** What the PUBLISHED reports of a period say, summed (progress.ts): the hemispheric report and Guideline.progress. */
    periodProgress: periodProgressLoader(db),
    /** Whether the caller sees each linked practice and agreement, as their subgraphs answer (linked.ts). */
    seen: { practices: madeOnFirstUse<string, boolean>(), agreements: madeOnFirstUse<string, boolean>() },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
