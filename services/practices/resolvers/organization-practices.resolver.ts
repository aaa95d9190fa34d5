import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { FirstArg, pageSize } from '../../kit/pagination';
import { Organization } from '../entities/references';
import { visibleRows } from '../../kit/visibility';
import { Practice } from '../entities/practice.entity';
import type { Loaders } from '../loaders';

@Resolver(() => Organization)
export class OrganizationPracticesResolver {
  @FieldResolver(() => [Practice], {
    nullable: true,
    description: 'Practices the organization took part in, by title: the published ones, and those under review the viewer may read.',
  })
  async practices(
    @Root() organization: Organization,
    @FirstArg() first: number | null,
    @Ctx() { loaders }: Context<Loaders>,
  ): Promise<Practice[]> {
    const links = await loaders.practicesOfOrganization(pageSize(first)).load(organization.id);
    return visibleRows(
      await loaders.visibility(),
      links.map((link) => link.practice),
    );
  }
}
