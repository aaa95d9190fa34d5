import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import { userReference } from './lookups';
import { AccountLookupResolver } from './resolvers/account-lookup.resolver';
import { AccountResolver } from './resolvers/account.resolver';
import { UserResolver } from './resolvers/user.resolver';

export function buildAccountsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({ resolvers: [UserResolver, AccountResolver, AccountLookupResolver] }, { User: userReference });
}
