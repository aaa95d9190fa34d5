import type { SubgraphDefinition } from '../common/subgraph';
import { User } from './entities/user.entity';
import { createLoaders, Loaders } from './loaders';
import { CreateAccounts1764401000000 } from './migrations/1764401000000-CreateAccounts';
import { buildAccountsSchema } from './schema';

/** No seed: there are no demo users, and accounts are created by sign-up (a later issue). */
export const accountsSubgraph: SubgraphDefinition<Loaders> = {
  name: 'accounts',
  entities: [User],
  migrations: [CreateAccounts1764401000000],
  buildSchema: buildAccountsSchema,
  createLoaders,
};
