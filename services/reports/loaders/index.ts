import { seenLoaders } from '../../kit/linked';
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
    seen: seenLoaders(['practices', 'agreements'] as const),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
