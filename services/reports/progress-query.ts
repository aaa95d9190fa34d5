import type { DataSource } from 'typeorm';
import { paddedKeys } from '../kit/loaders';
import { CountryReport, ReportStatus } from './entities/country-report.entity';
import { IndicatorEntry, Progress } from './entities/indicator-entry.entity';

/** How many PUBLISHED reports of a period gave one indicator one progress. */
export interface ProgressCount {
  periodId: string;
  indicatorId: string;
  progress: Progress;
  countries: number;
}

/**
 * The count of each (period, indicator, progress) over the PUBLISHED reports of some periods, in one
 * aggregate statement: the report row holds its period and status (idx_country_reports_period_status), each
 * entry its indicator and progress. What the hemispheric report and Guideline.progress are built from.
 */
export async function progressOfPeriods(db: DataSource, periodIds: readonly string[]): Promise<ProgressCount[]> {
  const rows = await db
    .getRepository(IndicatorEntry)
    .createQueryBuilder('e')
    .innerJoin('country_reports', 'r', 'r.id = e.report_id')
    .select('r.period_id', 'periodId')
    .addSelect('e.indicator_id', 'indicatorId')
    .addSelect('e.progress', 'progress')
    .addSelect('COUNT(*)', 'countries')
    .where('r.period_id IN (:...periodIds) AND r.status = :published', {
      periodIds: paddedKeys(periodIds),
      published: ReportStatus.PUBLISHED,
    })
    .groupBy('r.period_id')
    .addGroupBy('e.indicator_id')
    .addGroupBy('e.progress')
    .orderBy('r.period_id', 'ASC')
    .addOrderBy('e.indicator_id', 'ASC')
    .addOrderBy('e.progress', 'ASC')
    .getRawMany<{ periodId: string; indicatorId: string; progress: Progress; countries: number | string }>();
  return rows.map((row) => ({ ...row, countries: Number(row.countries) }));
}

/** The count of each (indicator, progress) over the PUBLISHED reports of one period. */
export const progressOfPeriod = (db: DataSource, periodId: string): Promise<ProgressCount[]> => progressOfPeriods(db, [periodId]);

/** The countries with a PUBLISHED report in each of some periods, by code: one statement. */
export async function publishedCountries(
  db: DataSource,
  periodIds: readonly string[],
): Promise<{ periodId: string; countryCode: string }[]> {
  return db
    .getRepository(CountryReport)
    .createQueryBuilder('r')
    .select('r.period_id', 'periodId')
    .addSelect('r.country_code', 'countryCode')
    .where('r.period_id IN (:...periodIds) AND r.status = :published', {
      periodIds: paddedKeys(periodIds),
      published: ReportStatus.PUBLISHED,
    })
    .orderBy('r.period_id', 'ASC')
    .addOrderBy('r.country_code', 'ASC')
    .getRawMany<{ periodId: string; countryCode: string }>();
}
