import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { normalizeCountryCode } from '../../kit/countries';
import { badInput, notFound } from '../../platform/errors';
import { UUID_PATTERN } from '../../kit/ids';
import { paginate } from '../../kit/keyset';
import { containsPattern, LIKE_ESCAPE, searchTerm } from '../../kit/validation';
import { Country } from '../entities/country.reference';
import { Role, User } from '../entities/user.entity';
import type { Loaders } from '../loaders';
import { visibleEmail } from '../visibility';
import { GrantRoleArgs, UserConnection, UsersArgs } from './user.args';
import { inTransaction } from '../../kit/transaction';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null for an anonymous caller.' })
  async me(@Ctx() { viewer, loaders }: Context<Loaders>): Promise<User | null> {
    if (!viewer || !UUID_PATTERN.test(viewer.id)) return null;
    return loaders.user.load(viewer.id);
  }

  @Authorized('SECRETARIAT')
  @Query(() => UserConnection, { description: 'Every account, by name (SECRETARIAT): to find whom to grant a role.' })
  async users(@Args() args: UsersArgs, @Ctx() { db }: Context<Loaders>): Promise<UserConnection> {
    const query = db.getRepository(User).createQueryBuilder('u');
    const search = searchTerm(args.filter?.search);
    if (search) {
      query.andWhere(`(LOWER(u.name) LIKE :search ${LIKE_ESCAPE} OR u.email LIKE :search ${LIKE_ESCAPE})`, {
        search: containsPattern(search),
      });
    }
    if (args.filter?.role) query.andWhere('u.role = :role', { role: args.filter.role });
    return paginate(query, args, { column: 'name', property: 'name' });
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
    if (args.authorityId && (args.role !== Role.AUTHORITY || !UUID_PATTERN.test(args.authorityId))) {
      throw badInput('authorityId goes with AUTHORITY and is the id of a national authority.', 'authorityId');
    }
    return inTransaction(db, async (manager) => {
      const users = manager.getRepository(User);
      const user = UUID_PATTERN.test(args.userId) ? await users.findOneBy({ id: args.userId.toLowerCase() }) : null;
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
