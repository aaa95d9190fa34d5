import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { paginateList } from '../../kit/keyset';
import { Country, NationalAuthority } from '../entities/references';
import { User } from '../entities/user.entity';
import type { Loaders } from '../loaders';
import { userReference } from '../lookups';
import { grantRole, revokeRole } from '../roles';
import { userCriteria, usersQuery } from '../user-query';
import { visibleEmail } from '../visibility';
import { GrantRoleArgs, UserConnection, UsersArgs } from './user.args';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null for an anonymous caller.' })
  async me(@Ctx() ctx: Context<Loaders>): Promise<User | null> {
    return ctx.viewer ? userReference.find(ctx, ctx.viewer.id) : null;
  }

  @Authorized('SECRETARIAT')
  @Query(() => UserConnection, { nullable: true, description: 'Every account, by name (SECRETARIAT): to find whom to grant a role.' })
  users(@Args() { filter, ...page }: UsersArgs, @Ctx() { db }: Context<Loaders>): Promise<UserConnection> {
    return paginateList(usersQuery(db, userCriteria(filter)), page);
  }

  @Authorized('SECRETARIAT')
  @Mutation(() => User, {
    description:
      "Gives an account a role (SECRETARIAT). AUTHORITY needs a Member State and, optionally, an active authority of that State; the user's next token (sign-in or refreshToken) carries the role. Changing the role, country or authority of a user who had one ends the access tokens they hold within REVOCATION_POLL_SECONDS (30 s by default).",
  })
  async grantRole(@Args() change: GrantRoleArgs, @Ctx() ctx: Context<Loaders>): Promise<User> {
    const user = await grantRole(ctx, change);
    ctx.log.info(
      { userId: user.id, role: user.role, country: user.countryCode, authorityId: user.authorityId, by: ctx.viewer!.id },
      'role granted',
    );
    return user;
  }

  @Authorized('SECRETARIAT')
  @Mutation(() => User, {
    description:
      "Takes an account's role away (SECRETARIAT), with its country and authority. The access tokens the user holds stop working within REVOCATION_POLL_SECONDS (30 s by default); the next one (refreshToken or sign-in) carries no role. The last SECRETARIAT keeps the role (BAD_USER_INPUT).",
  })
  async revokeRole(
    @Arg('userId', () => ID, { description: 'The account to change.' }) userId: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<User> {
    const user = await revokeRole(ctx, userId);
    ctx.log.info({ userId: user.id, by: ctx.viewer!.id }, 'role revoked');
    return user;
  }

  @FieldResolver(() => String, {
    description:
      'E-mail address used to sign in; readable by the user themself, the members of an organization they belong to, and the Secretariat.',
  })
  email(@Root() user: User, @Ctx() ctx: Context<Loaders>): Promise<string> {
    return visibleEmail(ctx, user);
  }

  @FieldResolver(() => NationalAuthority, {
    nullable: true,
    description: 'The national authority an AUTHORITY user works for, of that country, when the Secretariat named one; null otherwise.',
  })
  authority(@Root() user: User): Pick<NationalAuthority, 'id'> | null {
    return user.authorityId ? { id: user.authorityId } : null;
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The country of an AUTHORITY user; null otherwise.' })
  country(@Root() user: User): Pick<Country, 'code'> | null {
    return user.countryCode ? { code: user.countryCode } : null;
  }
}
