import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { FirstArg, pageSize } from '../../kit/pagination';
import { Guideline } from '../entities/references';
import { visibleRows } from '../../kit/visibility';
import { Practice } from '../entities/practice.entity';
import type { Loaders } from '../loaders';

@Resolver(() => Guideline)
export class GuidelinePracticesResolver {
  @FieldResolver(() => [Practice], {
    nullable: true,
    description: 'Practices that implement the guideline, by title: the published ones, and those under review the viewer may read.',
  })
  async practices(
    @Root() guideline: Guideline,
    @FirstArg() first: number | null,
    @Ctx() { loaders }: Context<Loaders>,
  ): Promise<Practice[]> {
    const links = await loaders.practicesOfGuideline(pageSize(first)).load(guideline.number);
    return visibleRows(
      await loaders.visibility(),
      links.map((link) => link.practice),
    );
  }
}
