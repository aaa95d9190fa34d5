import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import type { Context } from '../kit/context';
import type { Loaders } from './loaders';
import { CountryResolver } from './resolvers/country.resolver';
import { NationalAuthorityResolver } from './resolvers/national-authority.resolver';

export function buildAuthoritiesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    { resolvers: [CountryResolver, NationalAuthorityResolver] },
    {
      Country: { __resolveReference: (ref: { code: string }, ctx: Context<Loaders>) => ctx.loaders.country.load(ref.code) },
      NationalAuthority: {
        __resolveReference: (ref: { id: string }, ctx: Context<Loaders>) => ctx.loaders.authority.load(ref.id),
      },
    },
  );
}
