import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { byId } from '../../kit/entity-reference';
import { User } from '../entities/references';
import { visibleRows } from '../../kit/visibility';
import { Organization } from '../entities/organization.entity';
import type { Loaders } from '../loaders';

/** The user's organizations that the viewer may see, oldest membership first (batched over users). */
async function organizationsOf(user: User, { loaders }: Context<Loaders>): Promise<Organization[]> {
  const userId = byId.parse(user.id);
  if (userId === null) return [];
  const memberships = await loaders.membershipsByUser.load(userId);
  const organizations = await loaders.organization.loadMany(memberships.map((m) => m.organizationId));
  const { organizations: visibility } = await loaders.visibility();
  return visibleRows(
    visibility,
    organizations.map((o) => (o instanceof Error ? null : o)),
  );
}

/** The fields this subgraph adds to User (owned by accounts): memberships are stored here. */
@Resolver(() => User)
export class UserOrganizationResolver {
  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The organization the user registered or was added to first; null when none the viewer may see.',
  })
  async organization(@Root() user: User, @Ctx() ctx: Context<Loaders>): Promise<Organization | null> {
    return (await organizationsOf(user, ctx))[0] ?? null;
  }

  @FieldResolver(() => [Organization], {
    description:
      'Every organization the user is a member of that the viewer may see: VERIFIED ones, and all of them ' +
      'for the user themself and the Secretariat.',
  })
  organizations(@Root() user: User, @Ctx() ctx: Context<Loaders>): Promise<Organization[]> {
    return organizationsOf(user, ctx);
  }
}
