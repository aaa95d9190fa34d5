import type { Context } from '../kit/context';
import { byNumber, entityReference, type EntityKey } from '../kit/entity-reference';
import type { Guideline } from './entities/guideline.entity';
import type { Indicator } from './entities/indicator.entity';
import type { Loaders } from './loaders';

type Ctx = Context<Loaders>;

/** An indicator's id: its guideline's number and a letter, e.g. "51-a". */
const INDICATOR_ID = /^\d{1,2}-[a-z]$/;
const byIndicatorId: EntityKey<string> = {
  field: 'id',
  parse: (value) => (typeof value === 'string' && INDICATOR_ID.test(value) ? value : null),
};

/** A guideline by number, for `_entities` and `guideline(number)`: the plan is public. */
export const guidelineReference = entityReference({
  key: byNumber,
  load: (ctx: Ctx, number: number): Promise<Guideline | null> => ctx.loaders.guideline.load(number),
});

/** A result indicator of Annex I by id, for `_entities`. */
export const indicatorReference = entityReference({
  key: byIndicatorId,
  load: (ctx: Ctx, id: string): Promise<Indicator | null> => ctx.loaders.indicator.load(id),
});
