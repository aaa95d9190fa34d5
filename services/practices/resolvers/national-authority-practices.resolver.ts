import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { FirstArg, pageSize } from '../../kit/pagination';
import { NationalAuthority } from '../entities/references';
import { visibleRows } from '../../kit/visibility';
import { Practice } from '../entities/practice.entity';
import type { Loaders } from '../loaders';

@Resolver(() => NationalAuthority)
export class NationalAuthorityPracticesResolver {
  @FieldResolver(() => [Practice], {
    nullable: true,
    description: 'Practices the authority took part in, by title: the published ones, and those under review the viewer may read.',
  })
  async practices(
    @Root() authority: NationalAuthority,
    @FirstArg() first: number | null,
    @Ctx() { loaders }: Context<Loaders>,
  ): Promise<Practice[]> {
    const links = await loaders.practicesOfAuthority(pageSize(first)).load(authority.id);
    return visibleRows(
      await loaders.visibility(),
      links.map((link) => link.practice),
    );
  }
}
