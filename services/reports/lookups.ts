import type { Context } from '../kit/context';
import { byId, entityReference } from '../kit/entity-reference';
import type { CountryReport } from './entities/country-report.entity';
import type { NationalPlan } from './entities/national-plan.entity';
import type { Loaders } from './loaders';

type Ctx = Context<Loaders>;

/** A country report by id, for `_entities`: null when none, or not PUBLISHED and hidden from the viewer. */
export const countryReportReference = entityReference({
  key: byId,
  load: (ctx: Ctx, id: string): Promise<CountryReport | null> => ctx.loaders.report.load(id),
  visibility: (ctx: Ctx) => ctx.loaders.visibility(),
});

/** A national plan by id, for `_entities`: plans are public. */
export const nationalPlanReference = entityReference({
  key: byId,
  load: (ctx: Ctx, id: string): Promise<NationalPlan | null> => ctx.loaders.plan.load(id),
});
