import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { NationalPlan } from '../entities/national-plan.entity';
import { Country, Guideline } from '../entities/references';
import type { Loaders } from '../loaders';
import { saveNationalPlan } from '../plan-writes';
import { NationalPlanInput } from './national-plan.input';

@Resolver(() => NationalPlan)
export class NationalPlanResolver {
  @Authorized()
  @Mutation(() => NationalPlan, {
    description:
      'Records a national action plan, or with input.id replaces a recorded one (an AUTHORITY of its country, the SECRETARIAT). National plans are public.',
  })
  async saveNationalPlan(
    @Arg('input', () => NationalPlanInput, { description: 'The plan.' }) input: NationalPlanInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<NationalPlan> {
    const plan = await saveNationalPlan(ctx.db, ctx.viewer!, input);
    ctx.loaders.plan.clear(plan.id);
    return plan;
  }

  @FieldResolver(() => Country, { description: 'The Member State whose plan it is.' })
  country(@Root() plan: NationalPlan): Country {
    return { code: plan.countryCode };
  }

  @FieldResolver(() => [Guideline], { description: 'The Work Plan guidelines the plan addresses, by number.' })
  guidelines(@Root() plan: NationalPlan): Guideline[] {
    return plan.guidelineNumbers.map((number) => ({ number }));
  }
}
