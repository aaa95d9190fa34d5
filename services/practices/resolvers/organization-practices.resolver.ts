import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Organization } from '../entities/organization.reference';
import { Practice } from '../entities/practice.entity';
import type { Loaders } from '../loaders';
import { visiblePractices } from '../visibility';

@Resolver(() => Organization)
export class OrganizationPracticesResolver {
  @FieldResolver(() => [Practice], {
    description: 'Practices the organization took part in, by title: the published ones, and those under review the viewer may read.',
  })
  async practices(@Root() organization: Organization, @Ctx() { loaders, viewer }: Context<Loaders>): Promise<Practice[]> {
    return visiblePractices(viewer, await loaders.practicesOfOrganization.load(organization.id));
  }
}
