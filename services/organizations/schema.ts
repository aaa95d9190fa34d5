import { Country, User } from './entities/references';
import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import { organizationReference, serviceReference } from './lookups';
import { ColleaguesResolver } from './resolvers/colleagues.resolver';
import { CountryOrganizationsResolver } from './resolvers/country.resolver';
import { OrganizationChangeResolver } from './resolvers/organization-change.resolver';
import { OrganizationMutations } from './resolvers/organization.mutations';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { ServiceMutations } from './resolvers/service.mutations';
import { ServiceResolver } from './resolvers/service.resolver';
import { OrganizationShelterAccessResolver, ShelterAccessResolver } from './resolvers/shelter-access.resolver';
import { ShelterResolver } from './resolvers/shelter.resolver';
import { UserOrganizationResolver } from './resolvers/user.resolver';

export function buildOrganizationsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        OrganizationResolver,
        OrganizationMutations,
        OrganizationChangeResolver,
        ServiceResolver,
        ServiceMutations,
        ShelterResolver,
        ShelterAccessResolver,
        OrganizationShelterAccessResolver,
        CountryOrganizationsResolver,
        UserOrganizationResolver,
        ColleaguesResolver,
      ],
      orphanedTypes: [Country, User],
    },
    { Organization: organizationReference, Service: serviceReference },
  );
}
