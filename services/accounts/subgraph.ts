import type { SubgraphDefinition } from '../kit/subgraph';
import { REVOCATIONS_PATH } from '../platform/revocations';
import { ensureAdmin } from './admin';
import { RefreshToken } from './entities/refresh-token.entity';
import { Throttle } from './entities/throttle.entity';
import { TokenRevocation } from './entities/token-revocation.entity';
import { User } from './entities/user.entity';
import { createLoaders, Loaders } from './loaders';
import { CreateAccounts1764401000000 } from './migrations/1764401000000-CreateAccounts';
import { CreateLoginFailures1764401100000 } from './migrations/1764401100000-CreateLoginFailures';
import { CreateThrottles1764402000000 } from './migrations/1764402000000-CreateThrottles';
import { CreateRefreshTokens1765000000000 } from './migrations/1765000000000-CreateRefreshTokens';
import { CreateTokenRevocations1765100000000 } from './migrations/1765100000000-CreateTokenRevocations';
import { revocationRoutes, revocationsAfter } from './revocations';
import { buildAccountsSchema } from './schema';
import { loadSigningKeys } from './tokens';
import { WriteGeneration1765600000000 } from '../kit/write-generation';

/** No demo users: accounts come from sign-up, and the first Secretariat from the environment. */
export const accountsSubgraph: SubgraphDefinition<Loaders> = {
  name: 'accounts',
  entities: [User, Throttle, RefreshToken, TokenRevocation],
  migrations: [
    CreateAccounts1764401000000,
    CreateLoginFailures1764401100000,
    CreateThrottles1764402000000,
    CreateRefreshTokens1765000000000,
    CreateTokenRevocations1765100000000,
    WriteGeneration1765600000000,
  ],
  buildSchema: buildAccountsSchema,
  createLoaders,
  seed: ensureAdmin,
  signingKey: loadSigningKeys,
  // It keeps the revocation list: it serves it to the other processes, and reads its own table for itself.
  routes: ({ db, feedKey, log }) => ({ prefix: REVOCATIONS_PATH, handle: revocationRoutes(db, feedKey, log) }),
  revocationSource: (db) => (after) => revocationsAfter(db, after),
};
