import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import type { Context } from '../kit/context';
import { Country } from './entities/country.reference';
import { User } from './entities/user.reference';
import type { Loaders } from './loaders';
import { CountryOrganizationsResolver } from './resolvers/country.resolver';
import { findOrganization, findService } from './resolvers/lookup';
import { OrganizationMutations } from './resolvers/organization.mutations';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { ServiceMutations } from './resolvers/service.mutations';
import { ServiceResolver } from './resolvers/service.resolver';
import { ShelterAccessResolver } from './resolvers/shelter-access.resolver';
import { ShelterResolver } from './resolvers/shelter.resolver';
import { UserOrganizationResolver } from './resolvers/user.resolver';

export function buildOrganizationsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        OrganizationResolver,
        OrganizationMutations,
        ServiceResolver,
        ServiceMutations,
        ShelterResolver,
        ShelterAccessResolver,
        CountryOrganizationsResolver,
        UserOrganizationResolver,
      ],
      orphanedTypes: [Country, User],
    },
    {
      Organization: { __resolveReference: (ref: { id: string }, ctx: Context<Loaders>) => findOrganization(ctx, ref.id) },
      Service: { __resolveReference: (ref: { id: string }, ctx: Context<Loaders>) => findService(ctx, ref.id) },
    },
  );
}
