import type { Context } from '../kit/context';
import { querySubgraph } from '../kit/subgraph-client';
import { notFound } from '../platform/errors';

/** Accounts are owned by the accounts subgraph: asked, with the caller's token, through its hidden lookup. */
const ACCOUNT_ID = 'query($email: String!) { accountIdByEmail(email: $email) }';

/**
 * The id of the account that signed up with `email`, or NOT_FOUND. Accounts counts the lookups of each
 * caller (TOO_MANY_ATTEMPTS beyond its limit reaches the caller as it is), so nobody sifts e-mails here.
 */
export async function accountIdByEmail(ctx: Context, email: string): Promise<string> {
  const { accountIdByEmail: id } = await querySubgraph<{ accountIdByEmail: string | null }>(
    ctx.config.subgraphUrls.accounts,
    ACCOUNT_ID,
    { email },
    { authorization: ctx.authorization, requestId: ctx.requestId },
    ['TOO_MANY_ATTEMPTS', 'BAD_USER_INPUT', 'UNAUTHENTICATED'],
  );
  if (id === null) throw notFound('No account has this e-mail; ask them to sign up first.');
  return id;
}
