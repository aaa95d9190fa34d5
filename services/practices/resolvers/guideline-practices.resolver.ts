import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Guideline } from '../entities/guideline.reference';
import { Practice } from '../entities/practice.entity';
import type { Loaders } from '../loaders';
import { visiblePractices } from '../visibility';

@Resolver(() => Guideline)
export class GuidelinePracticesResolver {
  @FieldResolver(() => [Practice], {
    description: 'Practices that implement the guideline, by title: the published ones, and those under review the viewer may read.',
  })
  async practices(@Root() guideline: Guideline, @Ctx() { loaders, viewer }: Context<Loaders>): Promise<Practice[]> {
    return visiblePractices(viewer, await loaders.practicesOfGuideline.load(guideline.number));
  }
}
