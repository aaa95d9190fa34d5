import type { SubgraphDefinition } from '../kit/subgraph';
import { upsertRows } from '../kit/seed';
import { demoRows } from './demo';
import { Membership } from './entities/membership.entity';
import { OrganizationCountry } from './entities/organization-country.entity';
import { OrganizationChange } from './entities/organization-change.entity';
import { Organization } from './entities/organization.entity';
import { ServiceLanguage } from './entities/service-language.entity';
import { ServicePopulation } from './entities/service-population.entity';
import { Service } from './entities/service.entity';
import { ShelterAccess } from './entities/shelter-access.entity';
import { Shelter } from './entities/shelter.entity';
import { createLoaders, Loaders } from './loaders';
import { CreateOrganizations1764400003000 } from './migrations/1764400003000-CreateOrganizations';
import { AccessControl1764500003000 } from './migrations/1764500003000-AccessControl';
import { FullTextSearch1764600003000 } from './migrations/1764600003000-FullTextSearch';
import { ScopedSearch1764700003000 } from './migrations/1764700003000-ScopedSearch';
import { LanguageType1764800003000 } from './migrations/1764800003000-LanguageType';
import { ChangeLog1765100003000 } from './migrations/1765100003000-ChangeLog';
import { OrganizationProfile1765120003000 } from './migrations/1765120003000-OrganizationProfile';
import { ServiceWorkflows1765210003000 } from './migrations/1765210003000-ServiceWorkflows';
import { MembershipTimes1765300003000 } from './migrations/1765300003000-MembershipTimes';
import { ServicePlaces1765400003000 } from './migrations/1765400003000-ServicePlaces';
import { SearchStems1765450003000 } from './migrations/1765450003000-SearchStems';
import { ListVisibility1765500003000 } from './migrations/1765500003000-ListVisibility';
import { ScopedRank1765500004000 } from './migrations/1765500004000-ScopedRank';
import { SearchPostings1765700003000 } from './migrations/1765700003000-SearchPostings';
import { buildOrganizationsSchema } from './schema';
import { refreshSearchStems } from '../kit/full-text';
import { ORGANIZATIONS_INDEX, SERVICES_INDEX } from './search-indexes';
import { warmLanguageNames } from '../kit/language-names';
import { WriteGeneration1765600000000 } from '../kit/write-generation';

export const organizationsSubgraph: SubgraphDefinition<Loaders> = {
  name: 'organizations',
  // Its searches (or languages(search:)) read the language names.
  warmUp: warmLanguageNames,
  entities: [
    Organization,
    OrganizationCountry,
    Service,
    ServiceLanguage,
    ServicePopulation,
    Shelter,
    Membership,
    ShelterAccess,
    OrganizationChange,
  ],
  migrations: [
    CreateOrganizations1764400003000,
    AccessControl1764500003000,
    FullTextSearch1764600003000,
    ScopedSearch1764700003000,
    LanguageType1764800003000,
    ChangeLog1765100003000,
    OrganizationProfile1765120003000,
    ServiceWorkflows1765210003000,
    MembershipTimes1765300003000,
    ServicePlaces1765400003000,
    SearchStems1765450003000,
    ListVisibility1765500003000,
    ScopedRank1765500004000,
    WriteGeneration1765600000000,
    SearchPostings1765700003000,
  ],
  buildSchema: buildOrganizationsSchema,
  createLoaders,
  async seed(db, config) {
    if (!config.seedDemo) return;
    const rows = demoRows();
    // Parents before children: the join and detail tables have foreign keys.
    await upsertRows(db, Organization, rows.organizations, ['id']);
    await upsertRows(db, OrganizationCountry, rows.organizationCountries, ['organizationId', 'countryCode']);
    await upsertRows(db, Service, rows.services, ['id']);
    await upsertRows(db, ServiceLanguage, rows.serviceLanguages, ['serviceId', 'language']);
    await upsertRows(db, ServicePopulation, rows.servicePopulations, ['serviceId', 'population']);
    await upsertRows(db, Shelter, rows.shelters, ['serviceId']);
    await upsertRows(db, Membership, rows.memberships, ['userId', 'organizationId']);
    await refreshSearchStems(
      db.manager,
      ORGANIZATIONS_INDEX,
      rows.organizations.map((row) => row.id),
    );
    await refreshSearchStems(
      db.manager,
      SERVICES_INDEX,
      rows.services.map((row) => row.id),
    );
  },
};
