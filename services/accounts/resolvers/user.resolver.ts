import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { normalizeCountryCode } from '../../kit/countries';
import { badInput, notFound } from '../../platform/errors';
import { byId } from '../../kit/entity-reference';
import { paginateList } from '../../kit/keyset';
import { Country } from '../entities/references';
import { inTransaction } from '../../kit/transaction';
import { Role, User } from '../entities/user.entity';
import type { Loaders } from '../loaders';
import { userReference } from '../lookups';
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
  @Query(() => UserConnection, { description: 'Every account, by name (SECRETARIAT): to find whom to grant a role.' })
  users(@Args() { filter, ...page }: UsersArgs, @Ctx() { db }: Context<Loaders>): Promise<UserConnection> {
    return paginateList(usersQuery(db, userCriteria(filter)), page);
  }

  @Authorized('SECRETARIAT')
  @Mutation(() => User, {
    description: 'Gives an account a role (SECRETARIAT). AUTHORITY needs a country; the user\'s next sign-in carries the role.',
  })
  async grantRole(@Args() args: GrantRoleArgs, @Ctx() { db, log, viewer }: Context<Loaders>): Promise<User> {
    const country = args.country ? normalizeCountryCode(args.country) : null;
    if (args.role === Role.AUTHORITY && !country) {
      throw badInput('AUTHORITY needs `country`, the ISO code of an OAS Member State.', 'country');
    }
    if (args.authorityId && (args.role !== Role.AUTHORITY || byId.parse(args.authorityId) === null)) {
      throw badInput('authorityId goes with AUTHORITY and is the id of a national authority.', 'authorityId');
    }
    return inTransaction(db, async (manager) => {
      const users = manager.getRepository(User);
      const userId = byId.parse(args.userId);
      const user = userId ? await users.findOneBy({ id: userId }) : null;
      if (!user) throw notFound('No account has this id.');
      Object.assign(user, {
        role: args.role,
        countryCode: args.role === Role.AUTHORITY ? country : null,
        authorityId: args.role === Role.AUTHORITY ? (args.authorityId?.toLowerCase() ?? null) : null,
      });
      await users.save(user);
      log.info({ userId: user.id, role: user.role, country: user.countryCode, by: viewer!.id }, 'role granted');
      return user;
    });
  }

  @FieldResolver(() => String, { description: 'E-mail address used to sign in; readable by the user themself and the Secretariat.' })
  email(@Root() user: User, @Ctx() { viewer }: Context<Loaders>): string {
    return visibleEmail(viewer, user);
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The country of an AUTHORITY user; null otherwise.' })
  country(@Root() user: User): Pick<Country, 'code'> | null {
    return user.countryCode ? { code: user.countryCode } : null;
  }
}
