import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { UUID_PATTERN } from '../../common/ids';
import { Country } from '../entities/country.reference';
import { User } from '../entities/user.entity';
import type { Loaders } from '../loaders';
import { visibleEmail } from '../visibility';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null for an anonymous caller.' })
  async me(@Ctx() { viewer, loaders }: Context<Loaders>): Promise<User | null> {
    if (!viewer || !UUID_PATTERN.test(viewer.id)) return null;
    return loaders.user.load(viewer.id);
  }

  @FieldResolver(() => String, { description: 'E-mail address used to sign in; readable by the user themself only.' })
  email(@Root() user: User, @Ctx() { viewer }: Context<Loaders>): string {
    return visibleEmail(viewer, user);
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The country of an AUTHORITY user; null otherwise.' })
  country(@Root() user: User): Pick<Country, 'code'> | null {
    return user.countryCode ? { code: user.countryCode } : null;
  }
}
