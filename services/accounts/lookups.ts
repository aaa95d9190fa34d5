import type { Context } from '../kit/context';
import { byId, entityReference } from '../kit/entity-reference';
import type { User } from './entities/user.entity';
import type { Loaders } from './loaders';
import { referenceVisibility } from './visibility';

/**
 * A user by id, for `_entities` and `me`: null when none, or when the viewer is neither that user, nor a
 * member of an organization with them, nor the Secretariat (visibility.ts referenceVisibility).
 */
export const userReference = entityReference({
  key: byId,
  load: (ctx: Context<Loaders>, id: string): Promise<User | null> => ctx.loaders.user.load(id),
  visibility: (ctx: Context<Loaders>) => referenceVisibility(ctx),
});
