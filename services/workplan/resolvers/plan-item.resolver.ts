import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { PlanItem, PlanItemKind } from '../entities/plan-item.entity';
import type { Loaders } from '../loaders';

function planItems({ db }: Context<Loaders>, kind: PlanItemKind): Promise<PlanItem[]> {
  return db.getRepository(PlanItem).find({ where: { kind }, order: { number: 'ASC' } });
}

@Resolver(() => PlanItem)
export class PlanItemResolver {
  @Query(() => [PlanItem], { nullable: true, description: 'The 8 guiding principles of the Work Plan, by number.' })
  principles(@Ctx() ctx: Context<Loaders>): Promise<PlanItem[]> {
    return planItems(ctx, 'principle');
  }

  @Query(() => [PlanItem], { nullable: true, description: 'The 7 objectives of the Work Plan, by number.' })
  objectives(@Ctx() ctx: Context<Loaders>): Promise<PlanItem[]> {
    return planItems(ctx, 'objective');
  }
}
