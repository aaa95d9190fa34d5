import type { Context } from '../kit/context';
import { byId, entityReference } from '../kit/entity-reference';
import type { User } from './entities/user.entity';
import type { Loaders } from './loaders';

/** A user by id, for `_entities` and `me`: profiles are public (their e-mail is not: see visibility.ts). */
export const userReference = entityReference({
  key: byId,
  load: (ctx: Context<Loaders>, id: string): Promise<User | null> => ctx.loaders.user.load(id),
});
