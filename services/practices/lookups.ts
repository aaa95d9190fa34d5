import type { Context } from '../kit/context';
import { byId, entityReference } from '../kit/entity-reference';
import type { Practice } from './entities/practice.entity';
import type { Loaders } from './loaders';

type Ctx = Context<Loaders>;

/** A practice by id, for `_entities` and `practice(id)`: null when none or under review and hidden from the viewer. */
export const practiceReference = entityReference({
  key: byId,
  load: (ctx: Ctx, id: string): Promise<Practice | null> => ctx.loaders.practice.load(id),
  visibility: (ctx: Ctx) => ctx.loaders.visibility(),
});
