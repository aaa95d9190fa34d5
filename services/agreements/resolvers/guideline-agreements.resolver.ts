import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { FirstArg, pageSize } from '../../kit/pagination';
import { Guideline } from '../entities/references';
import { visibleRows } from '../../kit/visibility';
import { Agreement } from '../entities/agreement.entity';
import type { Loaders } from '../loaders';

@Resolver(() => Guideline)
export class GuidelineAgreementsResolver {
  @FieldResolver(() => [Agreement], {
    nullable: true,
    description:
      'Agreements that serve the guideline, by title; drafts and withdrawn ones only for the authorities of their parties and the Secretariat.',
  })
  async agreements(
    @Root() guideline: Guideline,
    @FirstArg() first: number | null,
    @Ctx() { loaders }: Context<Loaders>,
  ): Promise<Agreement[]> {
    const links = await loaders.agreementsOfGuideline(pageSize(first)).load(guideline.number);
    return visibleRows(
      await loaders.visibility(),
      links.map((link) => link.agreement),
    );
  }
}
