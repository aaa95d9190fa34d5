import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import type { Context } from '../kit/context';
import type { Loaders } from './loaders';
import { GuidelineResolver } from './resolvers/guideline.resolver';
import { IndicatorResolver } from './resolvers/indicator.resolver';
import { MandateResolver } from './resolvers/mandate.resolver';
import { PlanItemResolver } from './resolvers/plan-item.resolver';

export function buildWorkplanSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    { resolvers: [GuidelineResolver, IndicatorResolver, MandateResolver, PlanItemResolver] },
    {
      // The key arrives as JSON from another subgraph: accept "51" as well as 51, and junk as no guideline.
      Guideline: {
        __resolveReference: (ref: { number: number | string }, ctx: Context<Loaders>) => {
          const number = Number(ref.number);
          return Number.isInteger(number) ? ctx.loaders.guideline.load(number) : null;
        },
      },
      Indicator: {
        __resolveReference: (ref: { id: string }, ctx: Context<Loaders>) => ctx.loaders.indicator.load(String(ref.id)),
      },
    },
  );
}
