import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import { guidelineReference, indicatorReference } from './lookups';
import { GuidelineResolver } from './resolvers/guideline.resolver';
import { IndicatorResolver } from './resolvers/indicator.resolver';
import { LanguageResolver } from './resolvers/language.resolver';
import { MandateResolver } from './resolvers/mandate.resolver';
import { PlanItemResolver } from './resolvers/plan-item.resolver';
import { VocabularyResolver } from './resolvers/vocabulary.resolver';

export function buildWorkplanSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    { resolvers: [GuidelineResolver, IndicatorResolver, LanguageResolver, MandateResolver, PlanItemResolver, VocabularyResolver] },
    { Guideline: guidelineReference, Indicator: indicatorReference },
  );
}
