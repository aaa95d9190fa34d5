import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Progress } from '../entities/indicator-entry.entity';
import { progressOfPeriods, publishedCountries } from '../progress-query';

/** The counts of one indicator over a period's PUBLISHED reports, by progress. */
export type ProgressCounts = Record<Progress, number>;

/** What the PUBLISHED reports of one period say, summed: the counts of each indicator reported on, and who reported. */
export interface PeriodProgress {
  byIndicator: Map<string, ProgressCounts>;
  /** Codes of the countries with a PUBLISHED report, in code order. */
  countries: string[];
}

export const noProgress = (): ProgressCounts => ({
  [Progress.ACHIEVED]: 0,
  [Progress.IN_PROGRESS]: 0,
  [Progress.NOT_STARTED]: 0,
  [Progress.NOT_APPLICABLE]: 0,
});

/**
 * A period's progress by period id: two aggregate statements for every period asked in a tick, whatever the
 * number of countries or of guidelines asking (Guideline.progress of all 67 shares one batch).
 */
export function periodProgressLoader(db: DataSource): DataLoader<string, PeriodProgress> {
  return new DataLoader<string, PeriodProgress>(async (periodIds) => {
    const [counts, countries] = await Promise.all([progressOfPeriods(db, periodIds), publishedCountries(db, periodIds)]);
    const byPeriod = new Map(periodIds.map((id) => [id, { byIndicator: new Map<string, ProgressCounts>(), countries: [] as string[] }]));
    for (const count of counts) {
      const period = byPeriod.get(count.periodId);
      if (!period) continue;
      let indicator = period.byIndicator.get(count.indicatorId);
      if (!indicator) period.byIndicator.set(count.indicatorId, (indicator = noProgress()));
      indicator[count.progress] = count.countries;
    }
    for (const row of countries) byPeriod.get(row.periodId)?.countries.push(row.countryCode);
    return periodIds.map((id) => byPeriod.get(id)!);
  });
}
