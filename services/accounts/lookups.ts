import type { Context } from '../kit/context';
import { byId, entityReference } from '../kit/entity-reference';
import type { User } from './entities/user.entity';
import type { Loaders } from './loaders';
import { accountVisibility } from './visibility';

/** A user by id, for `_entities` and `me`: null when none, or when the viewer is neither that user nor the Secretariat. */
export const userReference = entityReference({
  key: byId,
  load: (ctx: Context<Loaders>, id: string): Promise<User | null> => ctx.loaders.user.load(id),
  visibility: (ctx: Context<Loaders>) => accountVisibility(ctx.viewer),
});
