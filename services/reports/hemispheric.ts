import { Progress } from './entities/indicator-entry.entity';
import { noProgress, type PeriodProgress } from './loaders/progress';
import type { IndicatorProgress } from './resolvers/hemispheric-report.types';

/** The progress of some indicators over a period, in the order given, zeros for those no one reported on. */
export function indicatorProgress(period: PeriodProgress, indicatorIds: readonly string[]): IndicatorProgress[] {
  return indicatorIds.map((id) => {
    const counts = period.byIndicator.get(id) ?? noProgress();
    const achieved = counts[Progress.ACHIEVED];
    const inProgress = counts[Progress.IN_PROGRESS];
    const notStarted = counts[Progress.NOT_STARTED];
    const notApplicable = counts[Progress.NOT_APPLICABLE];
    return {
      indicator: { id },
      achieved,
      inProgress,
      notStarted,
      notApplicable,
      reported: achieved + inProgress + notStarted + notApplicable,
    };
  });
}

/** The indicators of one guideline, in Annex I order: their ids start with its number ("51-a"). */
export const indicatorsOfGuideline = (indicatorIds: readonly string[], guideline: number): string[] =>
  indicatorIds.filter((id) => id.startsWith(`${guideline}-`));
