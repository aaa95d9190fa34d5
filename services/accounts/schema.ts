import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import { userReference } from './lookups';
import { AccountResolver } from './resolvers/account.resolver';
import { UserResolver } from './resolvers/user.resolver';

export function buildAccountsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({ resolvers: [UserResolver, AccountResolver] }, { User: userReference });
}
