import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import { authorityReference, countryReference } from './lookups';
import { CountryResolver } from './resolvers/country.resolver';
import { NationalAuthorityResolver } from './resolvers/national-authority.resolver';

export function buildAuthoritiesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    { resolvers: [CountryResolver, NationalAuthorityResolver] },
    { Country: countryReference, NationalAuthority: authorityReference },
  );
}
