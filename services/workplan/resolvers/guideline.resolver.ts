import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { GUIDELINE_COUNT } from '../../kit/guidelines';
import { Guideline, GuidelineSection } from '../entities/guideline.entity';
import { Indicator } from '../entities/indicator.entity';
import type { Loaders } from '../loaders';
import { guidelineReference } from '../lookups';

@Resolver(() => Guideline)
export class GuidelineResolver {
  @Query(() => [Guideline], {
    nullable: true,
    description: `The ${GUIDELINE_COUNT} guidelines of the Work Plan, by number (a fixed, short list: not paged).`,
  })
  guidelines(
    @Arg('section', () => GuidelineSection, { nullable: true, description: 'Only the guidelines of this chapter.' })
    section: GuidelineSection | null | undefined,
    @Ctx() { db }: Context<Loaders>,
  ): Promise<Guideline[]> {
    return db.getRepository(Guideline).find({ where: section ? { section } : {}, order: { number: 'ASC' } });
  }

  @Query(() => Guideline, { nullable: true, description: `A guideline by number (1-${GUIDELINE_COUNT}); null when there is none.` })
  guideline(
    @Arg('number', () => Int, { description: 'Number of the guideline in the plan.' }) number: number,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Guideline | null> {
    return guidelineReference.find(ctx, number);
  }

  @FieldResolver(() => [Indicator], { description: 'The result indicators of Annex I for the guideline; empty for 1-17.' })
  indicators(@Root() guideline: Guideline, @Ctx() { loaders }: Context<Loaders>): Promise<Indicator[]> {
    return loaders.indicatorsByGuideline.load(guideline.number);
  }
}
