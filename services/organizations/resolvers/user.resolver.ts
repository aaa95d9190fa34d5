import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { byId } from '../../kit/entity-reference';
import { FirstArg, pageSize } from '../../kit/pagination';
import { User } from '../entities/references';
import { visibleRows } from '../../kit/visibility';
import { Organization } from '../entities/organization.entity';
import type { Loaders } from '../loaders';

/** The user's first organizations that the viewer may see, oldest membership first (batched over users). */
async function organizationsOf(user: User, first: number, { loaders }: Context<Loaders>): Promise<Organization[]> {
  const userId = byId.parse(user.id);
  if (userId === null) return [];
  const visibility = await loaders.visibility();
  const memberships = await loaders.visibleMembershipsByUser({ first, visibility }).load(userId);
  const organizations = await loaders.organization.loadMany(memberships.map((m) => m.organizationId));
  return visibleRows(
    visibility.organizations,
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
    return (await organizationsOf(user, 1, ctx))[0] ?? null;
  }

  @FieldResolver(() => [Organization], {
    nullable: true,
    description:
      'The organizations the user is a member of that the viewer may see, oldest membership first: VERIFIED ones, and all of them ' +
      'for the user themself and the Secretariat.',
  })
  organizations(@Root() user: User, @FirstArg() first: number | null, @Ctx() ctx: Context<Loaders>): Promise<Organization[]> {
    return organizationsOf(user, pageSize(first), ctx);
  }
}
