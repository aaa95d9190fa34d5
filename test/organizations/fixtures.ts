import type { DataSource } from 'typeorm';
import { Population } from '../../services/kit/enums';
import { newId } from '../../services/kit/ids';
import { Membership } from '../../services/organizations/entities/membership.entity';
import { OrganizationCountry } from '../../services/organizations/entities/organization-country.entity';
import { Organization, OrganizationKind, VerificationStatus } from '../../services/organizations/entities/organization.entity';
import { ServiceLanguage } from '../../services/organizations/entities/service-language.entity';
import { ServicePopulation } from '../../services/organizations/entities/service-population.entity';
import { Service, ServiceType } from '../../services/organizations/entities/service.entity';
import { Shelter, ShelterKind } from '../../services/organizations/entities/shelter.entity';

/** Rows written straight through the repositories, to set up what the mutations would refuse (e.g. a PENDING organization with services). */
export async function insertOrganization(
  db: DataSource,
  fields: Partial<Organization> & { countriesServed?: string[] } = {},
): Promise<Organization> {
  const { countriesServed, ...columns } = fields;
  const organization = await db.getRepository(Organization).save(
    Object.assign(new Organization(), {
      id: newId(),
      name: 'Test Organization',
      kind: OrganizationKind.NGO,
      countryCode: 'CR',
      description: null,
      website: null,
      email: null,
      phone: null,
      status: VerificationStatus.VERIFIED,
      isDemo: false,
      ...columns,
    }),
  );
  const served = countriesServed ?? [organization.countryCode];
  await db
    .getRepository(OrganizationCountry)
    .save(served.map((countryCode) => Object.assign(new OrganizationCountry(), { organizationId: organization.id, countryCode })));
  return organization;
}

export async function insertService(
  db: DataSource,
  organization: Organization,
  fields: Partial<Service> & { shelter?: Partial<Shelter> } = {},
): Promise<Service> {
  const { shelter, ...columns } = fields;
  const service = await db.getRepository(Service).save(
    Object.assign(new Service(), {
      id: newId(),
      name: 'Test Service',
      type: shelter ? ServiceType.SHELTER : ServiceType.HOTLINE,
      description: null,
      organizationId: organization.id,
      organizationStatus: organization.status,
      countryCode: organization.countryCode,
      city: null,
      languages: ['spa'],
      populations: [Population.WOMEN],
      free: true,
      phone: null,
      hours: null,
      latitude: null,
      longitude: null,
      isDemo: false,
      ...columns,
    }),
  );
  await db
    .getRepository(ServiceLanguage)
    .save(
      service.languages.map((language) =>
        Object.assign(new ServiceLanguage(), { serviceId: service.id, language, serviceType: service.type }),
      ),
    );
  await db
    .getRepository(ServicePopulation)
    .save(service.populations.map((population) => Object.assign(new ServicePopulation(), { serviceId: service.id, population })));
  if (shelter) {
    await db.getRepository(Shelter).save(
      Object.assign(new Shelter(), {
        serviceId: service.id,
        kind: ShelterKind.EMERGENCY,
        capacity: 10,
        minAge: null,
        maxAge: null,
        address: 'Calle Prueba 1',
        availableBeds: 2,
        ...shelter,
      }),
    );
  }
  return service;
}

export async function insertMembership(db: DataSource, userId: string, organization: Organization): Promise<void> {
  await db
    .getRepository(Membership)
    .save(Object.assign(new Membership(), { userId, organizationId: organization.id, createdAt: new Date() }));
}

/** `_entities` as the gateway sends it, for Country, User, Organization and Service references. */
export const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { __typename
  ... on Country { code organizations { name } }
  ... on User { id organization { name } }
  ... on Organization { id name }
  ... on Service { id name }
} }`;

export const countryRef = (code: string) => ({ __typename: 'Country', code });

/** Rows in every table of the subgraph: equal before and after means nothing was written. */
export async function tableCounts(db: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entity of db.entityMetadatas) counts[entity.tableName] = await db.getRepository(entity.target).count();
  return counts;
}

/** A valid ServiceInput for an organization, to change one field at a time. */
export const serviceInput = (organizationId: string, fields: Record<string, unknown> = {}) => ({
  organizationId,
  name: 'Valid service',
  type: 'LEGAL_AID',
  country: 'GT',
  ...fields,
});

/** A valid shelter ServiceInput. */
export const shelterInput = (organizationId: string, shelter: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) =>
  serviceInput(organizationId, {
    name: 'Valid shelter',
    type: 'SHELTER',
    latitude: 14.6349,
    longitude: -90.5069,
    shelter: { kind: 'EMERGENCY', capacity: 12, minAge: 18, maxAge: 60, address: 'Calle Secreta 7, Zona 2', availableBeds: 3, ...shelter },
    ...fields,
  });

export const REGISTER =
  'mutation($i: OrganizationInput!) { registerOrganization(input: $i) { id name status country { code } countriesServed { code } } }';
export const VERIFY = 'mutation($id: ID!, $s: VerificationStatus!) { verifyOrganization(id: $id, status: $s) { id status } }';
export const ADD = `mutation($i: ServiceInput!) { addService(input: $i) {
  id name type description city languages populations free phone hours latitude longitude country { code } organization { id }
  shelter { kind capacity minAge maxAge address availableBeds } } }`;
export const UPDATE = `mutation($id: ID!, $i: ServiceUpdateInput!) { updateService(id: $id, input: $i) {
  id name type description city languages populations free phone hours latitude longitude
  shelter { kind capacity minAge maxAge address availableBeds } } }`;
