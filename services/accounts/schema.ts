import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import type { Context } from '../kit/context';
import { UUID_PATTERN } from '../kit/ids';
import type { Loaders } from './loaders';
import { AccountResolver } from './resolvers/account.resolver';
import { UserResolver } from './resolvers/user.resolver';

export function buildAccountsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    { resolvers: [UserResolver, AccountResolver] },
    {
      User: {
        __resolveReference: (ref: { id: string }, ctx: Context<Loaders>) =>
          typeof ref.id === 'string' && UUID_PATTERN.test(ref.id) ? ctx.loaders.user.load(ref.id) : null,
      },
    },
  );
}
