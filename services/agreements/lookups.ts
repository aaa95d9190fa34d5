import type { Context } from '../kit/context';
import { byId, entityReference } from '../kit/entity-reference';
import type { Agreement } from './entities/agreement.entity';
import type { Loaders } from './loaders';

type Ctx = Context<Loaders>;

/** An agreement by id, for `_entities` and `agreement(id)`: null when none or a draft hidden from the viewer. */
export const agreementReference = entityReference({
  key: byId,
  load: (ctx: Ctx, id: string): Promise<Agreement | null> => ctx.loaders.agreement.load(id),
  visibility: (ctx: Ctx) => ctx.loaders.visibility(),
});
