import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { UUID_PATTERN } from '../../common/ids';
import { Organization } from '../entities/organization.entity';
import { User } from '../entities/user.reference';
import type { Loaders } from '../loaders';
import { canSeeOrganization } from '../visibility';

/** The field this subgraph adds to User (owned by accounts): memberships are stored here. */
@Resolver(() => User)
export class UserOrganizationResolver {
  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The organization the user registered or was added to; null when none the viewer may see.',
  })
  async organization(@Root() user: User, @Ctx() { loaders, viewer }: Context<Loaders>): Promise<Organization | null> {
    if (!UUID_PATTERN.test(user.id)) return null;
    const memberships = await loaders.membershipsByUser.load(user.id.toLowerCase());
    const organizations = await loaders.organization.loadMany(memberships.map((m) => m.organizationId));
    const visible = organizations.find(
      (o): o is Organization => o !== null && !(o instanceof Error) && canSeeOrganization(viewer, o),
    );
    return visible ?? null;
  }
}
