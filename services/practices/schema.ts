import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import { practiceReference } from './lookups';
import { CountryPracticesResolver } from './resolvers/country-practices.resolver';
import { GuidelinePracticesResolver } from './resolvers/guideline-practices.resolver';
import { NationalAuthorityPracticesResolver } from './resolvers/national-authority-practices.resolver';
import { OrganizationPracticesResolver } from './resolvers/organization-practices.resolver';
import { PracticeChangeResolver } from './resolvers/practice-change.resolver';
import { PracticeMutationResolver } from './resolvers/practice.mutations';
import { PracticeResolver } from './resolvers/practice.resolver';

export function buildPracticesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        PracticeResolver,
        PracticeMutationResolver,
        PracticeChangeResolver,
        CountryPracticesResolver,
        GuidelinePracticesResolver,
        OrganizationPracticesResolver,
        NationalAuthorityPracticesResolver,
      ],
    },
    { Practice: practiceReference },
  );
}
