import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { byId } from '../../kit/entity-reference';
import { MAX_PAGE_SIZE } from '../../platform/limits';
import { badInput } from '../../platform/errors';
import { Membership } from '../entities/membership.entity';
import type { Loaders } from '../loaders';

/** What the accounts subgraph asks on behalf of its caller; hidden from the public API (@inaccessible). */
@Resolver()
export class ColleaguesResolver {
  @Directive('@inaccessible')
  @Query(() => [ID], {
    description:
      "Of these users, those who share an organization with the caller: empty for an anonymous caller. Not in the public API: accounts asks it, with its caller's token, so that the members of an organization see each other's names (Organization.members).",
  })
  async colleaguesOf(
    @Arg('userIds', () => [ID], { description: `At most ${MAX_PAGE_SIZE} user ids.` }) userIds: string[],
    @Ctx() { db, viewer }: Context<Loaders>,
  ): Promise<string[]> {
    if (userIds.length > MAX_PAGE_SIZE) throw badInput(`userIds holds at most ${MAX_PAGE_SIZE} ids.`, 'userIds');
    const ids = userIds.map((id) => byId.parse(id)).filter((id): id is string => id !== null);
    if (!viewer || ids.length === 0) return [];
    const rows = await db
      .getRepository(Membership)
      .createQueryBuilder('theirs')
      .select('DISTINCT theirs.user_id', 'userId')
      .innerJoin(Membership, 'mine', 'mine.organization_id = theirs.organization_id AND mine.user_id = :viewer', { viewer: viewer.id })
      .where('theirs.user_id IN (:...ids)', { ids })
      .getRawMany<{ userId: string }>();
    return rows.map((row) => row.userId);
  }
}
