import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { MAX_EMAIL_LENGTH } from '../../kit/input-limits';
import { badInput } from '../../platform/errors';
import { addressOf, authenticate, signUp, tokenOf, viewerOf } from '../account.service';
import type { Loaders } from '../loaders';
import { MAX_PASSWORD_LENGTH } from '../passwords';
import { AuthPayload, SignUpInput } from './account.input';

/**
 * Both mutations sign the request in as the user they return (ctx.viewer), so the payload's own fields,
 * such as the user's e-mail, follow the same access rules as for a request carrying the new token.
 */
@Resolver(() => AuthPayload)
export class AccountResolver {
  @Mutation(() => AuthPayload, {
    description: 'Creates an account and signs it in. For an e-mail that already has an account, this is `login` (see docs/api.md).',
  })
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: Context<Loaders>): Promise<AuthPayload> {
    const { user, created } = await signUp(ctx.db, ctx.config, input, addressOf(ctx.clientAddress));
    if (created) ctx.log.info({ userId: user.id }, 'account created');
    ctx.viewer = viewerOf(user);
    return { token: tokenOf(user, ctx.signingKey!, ctx.config), user };
  }

  @Mutation(() => AuthPayload, {
    description:
      'Signs in. After 5 failures (LOGIN_MAX_FAILURES) for one e-mail from one address within 15 minutes, tries from that address are refused for a while (TOO_MANY_ATTEMPTS).',
  })
  async login(
    @Arg('email', () => String, { description: 'The e-mail of the account.' }) email: string,
    @Arg('password', () => String, { description: 'Its password.' }) password: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<AuthPayload> {
    if (email.length > MAX_EMAIL_LENGTH) throw badInput(`email must be at most ${MAX_EMAIL_LENGTH} characters.`, 'email');
    if (password.length > MAX_PASSWORD_LENGTH) throw badInput(`password must be at most ${MAX_PASSWORD_LENGTH} characters.`, 'password');
    const user = await authenticate(ctx.db, ctx.config, email, password, addressOf(ctx.clientAddress));
    ctx.viewer = viewerOf(user);
    return { token: tokenOf(user, ctx.signingKey!, ctx.config), user };
  }
}
