import type { DataSource } from 'typeorm';
import { ReportStatus } from './entities/country-report.entity';
import { IndicatorEntry, Progress } from './entities/indicator-entry.entity';

/** How many PUBLISHED reports of a period gave one indicator one progress. */
export interface ProgressCount {
  indicatorId: string;
  progress: Progress;
  countries: number;
}

/**
 * The count of each (indicator, progress) over the PUBLISHED reports of a period, in one aggregate
 * statement: the report row holds its period and status (idx_country_reports_period_status), each entry
 * its indicator and progress. What the hemispheric report and Guideline.progress are built from.
 */
export async function progressOfPeriod(db: DataSource, periodId: string): Promise<ProgressCount[]> {
  const rows = await db
    .getRepository(IndicatorEntry)
    .createQueryBuilder('e')
    .innerJoin('country_reports', 'r', 'r.id = e.report_id')
    .select('e.indicator_id', 'indicatorId')
    .addSelect('e.progress', 'progress')
    .addSelect('COUNT(*)', 'countries')
    .where('r.period_id = :periodId AND r.status = :published', { periodId, published: ReportStatus.PUBLISHED })
    .groupBy('e.indicator_id')
    .addGroupBy('e.progress')
    .orderBy('e.indicator_id', 'ASC')
    .addOrderBy('e.progress', 'ASC')
    .getRawMany<{ indicatorId: string; progress: Progress; countries: number | string }>();
  return rows.map((row) => ({ ...row, countries: Number(row.countries) }));
}
