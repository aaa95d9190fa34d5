import type { DataSource } from 'typeorm';
import { normalizeCountryCode } from '../kit/countries';
import { byId } from '../kit/entity-reference';
import { newId } from '../kit/ids';
import { inTransaction } from '../kit/transaction';
import { badInput, notFound } from '../platform/errors';
import { Membership } from './entities/membership.entity';
import { OrganizationCountry } from './entities/organization-country.entity';
import { Organization, OrganizationKind, VerificationStatus } from './entities/organization.entity';
import { unique } from './service-rules';

/** An organization to register, its Member States already checked (IsMemberState). */
export interface OrganizationRegistration {
  name: string;
  kind: OrganizationKind;
  country: string;
  countriesServed?: string[] | null;
  description?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** Checked by IsMemberState before the resolver runs. */
const memberState = (code: string): string => normalizeCountryCode(code)!;

/** Registers an organization, PENDING, with `userId` as its first member; its own country is among those it serves. */
export async function registerOrganization(db: DataSource, userId: string, registration: OrganizationRegistration): Promise<Organization> {
  const country = memberState(registration.country);
  const served = unique([country, ...(registration.countriesServed ?? []).map(memberState)]).sort();
  const organization = Object.assign(new Organization(), {
    id: newId(),
    name: registration.name,
    kind: registration.kind,
    countryCode: country,
    description: registration.description ?? null,
    website: registration.website ?? null,
    email: registration.email ?? null,
    phone: registration.phone ?? null,
    status: VerificationStatus.PENDING,
    isDemo: false,
  });
  await inTransaction(db, async (manager) => {
    await manager.insert(Organization, organization);
    await manager.insert(
      OrganizationCountry,
      served.map((countryCode) => Object.assign(new OrganizationCountry(), { organizationId: organization.id, countryCode })),
    );
    await manager.insert(Membership, Object.assign(new Membership(), { userId, organizationId: organization.id, createdAt: new Date() }));
  });
  return organization;
}

/** The Secretariat's decision on an organization: VERIFIED or SUSPENDED (PENDING is only the state before the first). */
export async function setVerification(db: DataSource, id: string, status: VerificationStatus): Promise<Organization> {
  if (status === VerificationStatus.PENDING) {
    throw badInput('status must be VERIFIED or SUSPENDED: an organization is PENDING only until its first decision.', 'status');
  }
  const missing = () => notFound('No organization with this id.');
  const key = byId.parse(id);
  if (key === null) throw missing();
  return inTransaction(db, async (manager) => {
    const row = await manager.findOneBy(Organization, { id: key });
    if (!row) throw missing();
    await manager.update(Organization, { id: key }, { status });
    return Object.assign(row, { status });
  });
}
