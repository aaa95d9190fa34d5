import { Arg, Authorized, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { MAX_EMAIL_LENGTH } from '../../kit/input-limits';
import { badInput } from '../../platform/errors';
import { normalizeEmail } from '../credentials';
import { User } from '../entities/user.entity';
import type { Loaders } from '../loaders';
import { countAttempt, type Limit } from '../throttle';

/**
 * Lookups per caller and hour: enough to add a team to an organization, too few to sift addresses for
 * who has an account. Every lookup counts, found or not.
 */
export const ACCOUNT_LOOKUP_LIMIT: Limit = {
  scope: 'account-lookup',
  max: 20,
  windowSeconds: 3600,
  what: 'account lookups by e-mail from this account',
};

/** Lookups that other subgraphs make on behalf of their caller; hidden from the public API (@inaccessible). */
@Resolver()
export class AccountLookupResolver {
  @Authorized()
  @Directive('@inaccessible')
  @Query(() => ID, {
    nullable: true,
    description:
      'The id of the account with this e-mail, null when none. Not in the public API: the organizations subgraph asks it, ' +
      `with its caller's token, to add a member by e-mail. Any signed-in caller, ${ACCOUNT_LOOKUP_LIMIT.max} per hour (TOO_MANY_ATTEMPTS beyond).`,
  })
  async accountIdByEmail(
    @Arg('email', () => String, { description: 'The e-mail the account signed up with (any case).' }) email: string,
    @Ctx() { db, viewer }: Context<Loaders>,
  ): Promise<string | null> {
    if (email.length > MAX_EMAIL_LENGTH) throw badInput(`email must be at most ${MAX_EMAIL_LENGTH} characters.`, 'email');
    await countAttempt(db, ACCOUNT_LOOKUP_LIMIT, viewer!.id);
    const user = await db.getRepository(User).findOne({ where: { email: normalizeEmail(email) }, select: { id: true } });
    return user?.id ?? null;
  }
}
