import type { DataSource, EntityManager } from 'typeorm';
import type { Context } from '../kit/context';
import { normalizeCountryCode } from '../kit/countries';
import { byId } from '../kit/entity-reference';
import { engineOf, refreshSearchStems } from '../kit/full-text';
import { newId } from '../kit/ids';
import { MIN_NAME_LENGTH } from '../kit/input-limits';
import { e164 } from '../kit/phone';
import { inTransaction, isUniqueViolation } from '../kit/transaction';
import { badInput, notFound } from '../platform/errors';
import { assertManagesOrganization } from './access';
import { Membership } from './entities/membership.entity';
import { OrganizationChangeKind } from './entities/organization-change.entity';
import { OrganizationCountry } from './entities/organization-country.entity';
import { Organization, VerificationStatus } from './entities/organization.entity';
import { Service } from './entities/service.entity';
import { memberField, organizationFields, recordOrganizationChange, type TrackedOrganization } from './history';
import type { Loaders } from './loaders';
import { nameKey } from './names';
import type { OrganizationInput, OrganizationUpdateInput } from './resolvers/organization.input';
import { unique } from './service-rules';
import { ORGANIZATIONS_INDEX } from './search-indexes';

const missing = () => notFound('No organization with this id.');
/** Checked by IsMemberState before the resolver runs. */
const memberState = (code: string): string => normalizeCountryCode(code)!;
/** The countries an organization serves: its own always among them, each once, sorted. */
const servedBy = (country: string, given: string[]): string[] => unique([country, ...given.map(memberState)]).sort();
/** A trimmed text, null when blank (the inputs' validators have checked its length). */
const trimmed = (value: string | null | undefined): string | null => (value == null || value.trim() === '' ? null : value.trim());
/** Checked by IsInternationalPhone: stored in E.164. */
const phone = (value: string | null | undefined): string | null => (value == null || value.trim() === '' ? null : e164(value));

function nameOf(given: string): string {
  const name = given.trim();
  if (name.length < MIN_NAME_LENGTH) throw badInput(`name must have at least ${MIN_NAME_LENGTH} characters once trimmed.`, 'name');
  return name;
}

const duplicate = (existing: Organization) =>
  badInput(
    `An organization named '${existing.name}' is already registered in ${existing.countryCode} (id ${existing.id}); ask its members to add you.`,
    'name',
  );

/** The organization of `country` whose name is `name` once normalised (names.ts), other than `self`. */
async function sameName(manager: EntityManager, country: string, name: string, self: string | null): Promise<Organization | null> {
  const existing = await manager.findOneBy(Organization, { countryCode: country, nameKey: nameKey(name) });
  return existing && existing.id !== self ? existing : null;
}

/**
 * Runs a write that gives an organization a name: refused with the existing one when its country has it
 * already. The check runs in the write's transaction; two writes racing past it on MySQL meet the unique
 * index (country_code, name_key), and the one refused there gets the same answer.
 */
async function withFreeName<T>(
  db: DataSource,
  country: string,
  name: string,
  self: string | null,
  write: (m: EntityManager) => Promise<T>,
) {
  try {
    return await inTransaction(db, async (manager) => {
      const existing = await sameName(manager, country, name, self);
      if (existing) throw duplicate(existing);
      return write(manager);
    });
  } catch (error) {
    const existing = isUniqueViolation(error) ? await sameName(db.manager, country, name, self) : null;
    throw existing ? duplicate(existing) : error;
  }
}

/**
 * Reads an organization for a change. On MySQL the row is locked until the transaction ends, so changes of
 * one organization and of its members take turns (two members removing each other never leave it with none);
 * SQLite runs transactions one at a time.
 */
export async function lockedOrganization(manager: EntityManager, id: string): Promise<Organization | null> {
  const query = manager.getRepository(Organization).createQueryBuilder('o').where('o.id = :id', { id });
  if (engineOf(manager.connection) === 'mysql') query.setLock('pessimistic_write');
  return query.getOne();
}

const servedOf = async (manager: EntityManager, id: string): Promise<string[]> =>
  (await manager.find(OrganizationCountry, { where: { organizationId: id }, order: { countryCode: 'ASC' } })).map((row) => row.countryCode);

/**
 * The countries an organization serves, replacing those it had; `isNew` for one just inserted, which has none.
 * Deleting a new organization's rows is no harmless no-op on MySQL: the DELETE gap-locks the key range where
 * they would be, and two registrations at once then deadlocked on each other's INSERT.
 */
async function replaceServed(manager: EntityManager, organizationId: string, served: string[], isNew = false): Promise<void> {
  if (!isNew) await manager.delete(OrganizationCountry, { organizationId });
  await manager.insert(
    OrganizationCountry,
    served.map((countryCode) => Object.assign(new OrganizationCountry(), { organizationId, countryCode })),
  );
}

/** Registers an organization, PENDING, with `userId` as its first member; its own country is among those it serves. */
export async function registerOrganization(db: DataSource, userId: string, input: OrganizationInput): Promise<Organization> {
  const country = memberState(input.country);
  const name = nameOf(input.name);
  const served = servedBy(country, input.countriesServed ?? []);
  const at = new Date();
  const organization = Object.assign(new Organization(), {
    id: newId(),
    name,
    nameKey: nameKey(name),
    kind: input.kind,
    countryCode: country,
    description: trimmed(input.description),
    website: trimmed(input.website),
    email: trimmed(input.email),
    phone: phone(input.phone),
    status: VerificationStatus.PENDING,
    isDemo: false,
    createdAt: at,
    updatedAt: at,
  });
  return withFreeName(db, country, name, null, async (manager) => {
    await manager.insert(Organization, organization);
    await refreshSearchStems(manager, ORGANIZATIONS_INDEX, [organization.id]);
    await replaceServed(manager, organization.id, served, true);
    await manager.insert(Membership, Object.assign(new Membership(), { userId, organizationId: organization.id, createdAt: at }));
    const fields = [...organizationFields(null, { ...organization, countriesServed: served }), memberField(userId, true)];
    await recordOrganizationChange(manager, {
      kind: OrganizationChangeKind.REGISTERED,
      organizationId: organization.id,
      countryCode: country,
      userId,
      at,
      fields,
    });
    return organization;
  });
}

/** The Secretariat's decision on an organization: VERIFIED or SUSPENDED (PENDING is only the state before the first). */
export async function setVerification(db: DataSource, userId: string, id: string, status: VerificationStatus): Promise<Organization> {
  if (status === VerificationStatus.PENDING) {
    throw badInput('status must be VERIFIED or SUSPENDED: an organization is PENDING only until its first decision.', 'status');
  }
  const key = byId.parse(id);
  if (key === null) throw missing();
  return inTransaction(db, async (manager) => {
    const row = await lockedOrganization(manager, key);
    if (!row) throw missing();
    if (row.status === status) return row;
    const at = new Date();
    await manager.update(Organization, { id: key }, { status, updatedAt: at });
    // The copy every list of services tests visibility by (Service.organizationStatus).
    await manager.update(Service, { organizationId: key }, { organizationStatus: status });
    const fields = [{ field: 'status', oldValue: row.status, newValue: status }];
    await recordOrganizationChange(manager, {
      kind: OrganizationChangeKind.VERIFICATION_CHANGED,
      organizationId: key,
      countryCode: row.countryCode,
      userId,
      at,
      fields,
    });
    return Object.assign(row, { status, updatedAt: at });
  });
}

/**
 * The organization once `input` applies: a field left out (undefined) stays, null clears a nullable one, and
 * null for name, kind or countriesServed is refused, as they cannot be cleared.
 */
function updated(row: TrackedOrganization & Organization, input: OrganizationUpdateInput): TrackedOrganization & Organization {
  for (const field of ['name', 'kind', 'countriesServed'] as const) {
    if (input[field] === null) throw badInput(`${field} cannot be cleared: give a value or leave the field out.`, field);
  }
  const next = Object.assign(new Organization(), row, { countriesServed: row.countriesServed });
  if (input.name != null) next.name = nameOf(input.name);
  if (input.kind != null) next.kind = input.kind;
  if (input.countriesServed != null) next.countriesServed = servedBy(row.countryCode, input.countriesServed);
  if (input.description !== undefined) next.description = trimmed(input.description);
  if (input.website !== undefined) next.website = trimmed(input.website);
  if (input.email !== undefined) next.email = trimmed(input.email);
  if (input.phone !== undefined) next.phone = phone(input.phone);
  return next;
}

/**
 * Changes an organization's profile (its members, the Secretariat). Its status stays: a VERIFIED organization
 * renamed stays VERIFIED, the history shows the Secretariat the rename. A change that changes nothing records nothing.
 */
export async function updateOrganization(ctx: Context<Loaders>, userId: string, id: string, input: OrganizationUpdateInput) {
  const key = byId.parse(id);
  if (key === null) throw missing();
  const current = await assertManagesOrganization(ctx, await ctx.loaders.organization.load(key));
  const name = input.name == null ? current.name : nameOf(input.name);
  return withFreeName(ctx.db, current.countryCode, name, key, async (manager) => {
    const row = await lockedOrganization(manager, key);
    if (!row) throw missing();
    const before = Object.assign(row, { countriesServed: await servedOf(manager, key) });
    const next = updated(before, input);
    const fields = organizationFields(before, next);
    if (fields.length === 0) return row;
    const { kind, description, website, email, countriesServed } = next;
    const at = new Date();
    const changes = { name: next.name, nameKey: nameKey(next.name), kind, description, website, email, phone: next.phone, updatedAt: at };
    await manager.update(Organization, { id: key }, changes);
    await refreshSearchStems(manager, ORGANIZATIONS_INDEX, [key]);
    if (fields.some((f) => f.field === 'countriesServed')) await replaceServed(manager, key, countriesServed);
    await recordOrganizationChange(manager, {
      kind: OrganizationChangeKind.UPDATED,
      organizationId: key,
      countryCode: row.countryCode,
      userId,
      at,
      fields,
    });
    return Object.assign(new Organization(), row, changes);
  });
}
