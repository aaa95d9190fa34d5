import { buildFederatedSchema, FederatedSchema } from '../common/subgraph-schema';
import type { Context } from '../common/context';
import { UUID_PATTERN } from '../common/ids';
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
