import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import { authorityReference, countryReference } from './lookups';
import { AuthorityChangeResolver } from './resolvers/authority-change.resolver';
import { AuthorityMutations } from './resolvers/authority.mutations';
import { CountryResolver } from './resolvers/country.resolver';
import { NationalAuthorityResolver } from './resolvers/national-authority.resolver';

export function buildAuthoritiesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    { resolvers: [CountryResolver, NationalAuthorityResolver, AuthorityMutations, AuthorityChangeResolver] },
    { Country: countryReference, NationalAuthority: authorityReference },
  );
}
