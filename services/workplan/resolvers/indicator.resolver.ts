import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Guideline } from '../entities/guideline.entity';
import { Indicator } from '../entities/indicator.entity';
import type { Loaders } from '../loaders';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @FieldResolver(() => Guideline, { description: 'The guideline the indicator measures.' })
  async guideline(@Root() indicator: Indicator, @Ctx() { loaders }: Context<Loaders>): Promise<Guideline> {
    const guideline = await loaders.guideline.load(indicator.guidelineNumber);
    if (!guideline) throw new Error(`indicator ${indicator.id} refers to unknown guideline ${indicator.guidelineNumber}`);
    return guideline;
  }
}
