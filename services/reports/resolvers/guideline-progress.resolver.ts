import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { INDICATOR_IDS } from '../../kit/indicators';
import { Guideline } from '../entities/references';
import { indicatorProgress, indicatorsOfGuideline } from '../hemispheric';
import type { Loaders } from '../loaders';
import { IndicatorProgress } from './hemispheric-report.types';

@Resolver(() => Guideline)
export class GuidelineProgressResolver {
  @FieldResolver(() => [IndicatorProgress], {
    nullable: true,
    description:
      'How the Member States report on its indicators in a period, from PUBLISHED reports: empty for a guideline without indicators, null for an unknown period.',
  })
  async progress(
    @Root() guideline: Guideline,
    @Arg('period', () => ID, { description: 'The id of the reporting period, e.g. "2015-2016".' }) period: string,
    @Ctx() { loaders }: Context<Loaders>,
  ): Promise<IndicatorProgress[] | null> {
    const [known, progress] = await Promise.all([loaders.period.load(period), loaders.periodProgress.load(period)]);
    return known ? indicatorProgress(progress, indicatorsOfGuideline(INDICATOR_IDS, guideline.number)) : null;
  }
}
