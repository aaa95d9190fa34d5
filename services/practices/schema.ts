import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import type { Context } from '../kit/context';
import type { Loaders } from './loaders';
import { CountryPracticesResolver } from './resolvers/country-practices.resolver';
import { GuidelinePracticesResolver } from './resolvers/guideline-practices.resolver';
import { NationalAuthorityPracticesResolver } from './resolvers/national-authority-practices.resolver';
import { OrganizationPracticesResolver } from './resolvers/organization-practices.resolver';
import { PracticeMutationResolver } from './resolvers/practice.mutations';
import { PracticeResolver } from './resolvers/practice.resolver';
import { canSeePractice } from './visibility';

export function buildPracticesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        PracticeResolver,
        PracticeMutationResolver,
        CountryPracticesResolver,
        GuidelinePracticesResolver,
        OrganizationPracticesResolver,
        NationalAuthorityPracticesResolver,
      ],
    },
    {
      Practice: {
        __resolveReference: async (ref: { id: string }, ctx: Context<Loaders>) => {
          const practice = await ctx.loaders.practice.load(ref.id);
          return practice && canSeePractice(ctx.viewer, practice) ? practice : null;
        },
      },
    },
  );
}
