import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { MAX_EMAIL_LENGTH } from '../../kit/input-limits';
import { badInput } from '../../platform/errors';
import { addressOf, authenticate, changePassword, signedIn, signUp, viewerOf } from '../account.service';
import type { User } from '../entities/user.entity';
import type { Loaders } from '../loaders';
import { MAX_PASSWORD_LENGTH } from '../passwords';
import { endSession, rotate, startSession } from '../sessions';
import { ChangePasswordArgs } from './account.args';
import { AuthPayload, SignUpInput } from './account.input';

/**
 * Every mutation that returns an AuthPayload signs the request in as the user it returns (ctx.viewer), so
 * the payload's own fields, such as the user's e-mail, follow the same access rules as for a request
 * carrying the new token.
 */
function payloadOf(ctx: Context<Loaders>, user: User, refreshToken: string, notBefore?: number): AuthPayload {
  ctx.viewer = viewerOf(user);
  return signedIn(user, refreshToken, ctx.signingKey!, ctx.config, notBefore);
}

const startedFor = async (ctx: Context<Loaders>, user: User): Promise<AuthPayload> =>
  payloadOf(ctx, user, await startSession(ctx.db.manager, ctx.config, user.id));

@Resolver(() => AuthPayload)
export class AccountResolver {
  @Mutation(() => AuthPayload, {
    description: 'Creates an account and signs it in. For an e-mail that already has an account, this is `login` (see docs/api.md).',
  })
  async signUp(
    @Arg('input', () => SignUpInput, { description: 'The e-mail, password and name of the new account.' }) input: SignUpInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<AuthPayload> {
    const { user, created } = await signUp(ctx.db, ctx.config, input, addressOf(ctx.clientAddress));
    if (created) ctx.log.info({ userId: user.id }, 'account created');
    return startedFor(ctx, user);
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
    return startedFor(ctx, await authenticate(ctx.db, ctx.config, email, password, addressOf(ctx.clientAddress)));
  }

  @Mutation(() => AuthPayload, {
    description:
      "A new access token carrying the user's current role, and a new refresh token; the one given stops working. Presenting a refresh token that was used already ends its session (UNAUTHENTICATED): send one renewal at a time.",
  })
  async refreshToken(
    @Arg('refreshToken', () => String, { description: 'The refresh token of the last sign-in or renewal.' }) refreshToken: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<AuthPayload> {
    const { user, refreshToken: next } = await rotate(ctx.db, ctx.config, ctx.log, refreshToken);
    return payloadOf(ctx, user, next);
  }

  @Mutation(() => Boolean, {
    description:
      'Signs out: the session of this refresh token ends (its refresh tokens stop working; an access token already issued works until its expiresAt). False for a token that was never issued.',
  })
  logout(
    @Arg('refreshToken', () => String, { description: 'The refresh token of the session to end.' }) refreshToken: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<boolean> {
    return endSession(ctx.db, refreshToken);
  }

  @Authorized()
  @Mutation(() => AuthPayload, {
    description:
      "Changes the signed-in user's password. The current one is checked like a sign-in (same throttle: TOO_MANY_ATTEMPTS). Every other session of the user ends, and every access token issued before stops working within REVOCATION_POLL_SECONDS (30 s by default); the payload starts a new session.",
  })
  async changePassword(@Args() args: ChangePasswordArgs, @Ctx() ctx: Context<Loaders>): Promise<AuthPayload> {
    const passwords = { current: args.currentPassword, next: args.newPassword };
    const { user, refreshToken, revokedAt } = await changePassword(
      ctx.db,
      ctx.config,
      ctx.viewer!.id,
      passwords,
      addressOf(ctx.clientAddress),
    );
    ctx.log.info({ userId: user.id }, 'password changed; every other session ended, its access tokens revoked');
    return payloadOf(ctx, user, refreshToken, revokedAt);
  }
}
