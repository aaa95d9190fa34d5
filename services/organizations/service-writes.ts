import type { DataSource, EntityManager } from 'typeorm';
import { normalizeCountryCode } from '../kit/countries';
import { byId } from '../kit/entity-reference';
import { engineOf, refreshSearchStems } from '../kit/full-text';
import { newId } from '../kit/ids';
import { inTransaction } from '../kit/transaction';
import { badInput, notFound } from '../platform/errors';
import { OrganizationChangeKind } from './entities/organization-change.entity';
import { OrganizationCountry } from './entities/organization-country.entity';
import { Organization } from './entities/organization.entity';
import { ServiceLanguage } from './entities/service-language.entity';
import { ServicePopulation } from './entities/service-population.entity';
import { placeKeys, Service, ServiceCoverage, ServiceType } from './entities/service.entity';
import { Shelter } from './entities/shelter.entity';
import { serviceAfter, shelterAfter, storedPhone, wholeShelter } from './service-changes';
import { recordServiceChange, serviceChanges, snapshot } from './service-history';
import { checkCountryServed, checkPosition, checkShelter, checkShelterForType, ServiceFields, unique } from './service-rules';
import { SERVICES_INDEX } from './search-indexes';

/** A service to add: its organization, name, type and Member State (checked by IsMemberState) are required. */
export interface NewService extends ServiceFields {
  organizationId: string;
  name: string;
  type: ServiceType;
  country: string;
}

/**
 * The caller's right to change the services of an organization (assertCanEditServices): the organization,
 * or an error; `found` is null when there is none with the id given, `what` names what was looked up.
 */
export type EditCheck = (found: Organization | null, what: 'organization' | 'service') => Promise<Organization>;

/** Who writes: the user the history records, and the ownership rule that user is held to. */
export interface Editor {
  userId: string;
  mayEdit: EditCheck;
}

/** Writes the join rows the filters read, in step with the JSON copies on the service row. */
async function writeLanguages(manager: EntityManager, service: Service, replace: boolean): Promise<void> {
  if (replace) await manager.delete(ServiceLanguage, { serviceId: service.id });
  const rows = service.languages.map((language) =>
    Object.assign(new ServiceLanguage(), { serviceId: service.id, language, serviceType: service.type }),
  );
  if (rows.length > 0) await manager.insert(ServiceLanguage, rows);
}

async function writePopulations(manager: EntityManager, service: Service, replace: boolean): Promise<void> {
  if (replace) await manager.delete(ServicePopulation, { serviceId: service.id });
  const rows = service.populations.map((population) => Object.assign(new ServicePopulation(), { serviceId: service.id, population }));
  if (rows.length > 0) await manager.insert(ServicePopulation, rows);
}

/** The countries an organization may offer services in: its own and those it serves. */
async function countriesOf(manager: EntityManager, organization: Organization): Promise<string[]> {
  const served = await manager.findBy(OrganizationCountry, { organizationId: organization.id });
  return unique([organization.countryCode, ...served.map((row) => row.countryCode)]);
}

/**
 * A service to change, with its organization once the editor may change it. On MySQL the row is locked until
 * the transaction ends, so two changes of one service take turns; SQLite runs transactions one at a time.
 */
export async function editableService(
  manager: EntityManager,
  id: string,
  editor: Editor,
): Promise<{ row: Service; organization: Organization }> {
  const missing = () => notFound('No service with this id.');
  const key = byId.parse(id);
  if (key === null) throw missing();
  const query = manager.getRepository(Service).createQueryBuilder('s').where('s.id = :key', { key });
  if (engineOf(manager.connection) === 'mysql') query.setLock('pessimistic_write');
  const row = await query.getOne();
  if (!row) throw missing();
  const organization = await editor.mayEdit(await manager.findOneBy(Organization, { id: row.organizationId }), 'service');
  return { row, organization };
}

/** An archived service is kept as it was: refused naming `field` (the id argument). */
export function assertNotArchived(row: Service, field: string): void {
  if (row.archived) throw badInput('This service is archived: restore it first (restoreService) to change it.', field);
}

export async function addService(db: DataSource, fields: NewService, editor: Editor): Promise<Service> {
  checkShelterForType(fields.type, fields.shelter);
  if (fields.shelter) checkShelter(fields.shelter);
  checkPosition(fields.latitude ?? null, fields.longitude ?? null);
  const now = new Date();
  const service = Object.assign(new Service(), {
    id: newId(),
    name: fields.name,
    type: fields.type,
    description: fields.description ?? null,
    countryCode: normalizeCountryCode(fields.country)!,
    city: fields.city ?? null,
    languages: unique(fields.languages ?? []),
    populations: unique(fields.populations ?? []),
    free: fields.free ?? true,
    phone: storedPhone(fields.phone),
    hours: fields.hours ?? null,
    latitude: fields.latitude ?? null,
    longitude: fields.longitude ?? null,
    coverage: fields.coverage ?? ServiceCoverage.LOCAL,
    archived: false,
    createdAt: now,
    updatedAt: now,
    isDemo: false,
  });
  const shelter = fields.shelter ? wholeShelter(service.id, fields.shelter) : null;
  await inTransaction(db, async (manager) => {
    const id = byId.parse(fields.organizationId);
    const organization = await editor.mayEdit(id ? await manager.findOneBy(Organization, { id }) : null, 'organization');
    checkCountryServed(service.countryCode, await countriesOf(manager, organization));
    service.organizationId = organization.id;
    service.organizationStatus = organization.status;
    await manager.insert(Service, service);
    await refreshSearchStems(manager, SERVICES_INDEX, [service.id]);
    await writeLanguages(manager, service, false);
    await writePopulations(manager, service, false);
    if (shelter) await manager.insert(Shelter, shelter);
    const added = serviceChanges(null, snapshot(service, shelter));
    await recordServiceChange(manager, OrganizationChangeKind.SERVICE_ADDED, service, organization, editor.userId, now, added);
  });
  return service;
}

/**
 * Changes a service (the update rule of serviceAfter and shelterAfter); an archived one is refused, and a
 * change that changes nothing records nothing. updatedAt moves unless only a shelter's confidential fields
 * (address, free beds) changed: the public sees updatedAt, and must not follow a shelter's occupancy by it.
 */
export async function updateService(db: DataSource, id: string, changes: ServiceFields, editor: Editor): Promise<Service> {
  return inTransaction(db, async (manager) => {
    const { row, organization } = await editableService(manager, id, editor);
    assertNotArchived(row, 'id');
    const shelter = await manager.findOneBy(Shelter, { serviceId: row.id });
    const next = serviceAfter(row, changes);
    const nextShelter = shelterAfter(row, shelter, changes);
    checkPosition(next.latitude, next.longitude);
    const fields = serviceChanges(snapshot(row, shelter), snapshot(next, nextShelter));
    if (fields.length === 0) return row;
    const now = new Date();
    if (fields.some((change) => !CONFIDENTIAL.includes(change.field))) next.updatedAt = now;
    const { name, description, city, languages, populations, free, phone, hours, latitude, longitude, coverage, updatedAt } = next;
    const columns = { name, description, city, languages, populations, free, phone, hours, latitude, longitude, coverage, updatedAt };
    await manager.update(Service, { id: row.id }, { ...columns, ...placeKeys(city, updatedAt) });
    Object.assign(next, placeKeys(city, updatedAt));
    await refreshSearchStems(manager, SERVICES_INDEX, [row.id]);
    if (changes.languages) await writeLanguages(manager, next, true);
    if (changes.populations) await writePopulations(manager, next, true);
    if (nextShelter && nextShelter !== shelter) {
      if (shelter) await manager.delete(Shelter, { serviceId: row.id });
      await manager.insert(Shelter, nextShelter);
    }
    await recordServiceChange(manager, OrganizationChangeKind.SERVICE_UPDATED, next, organization, editor.userId, now, fields);
    return next;
  });
}

/** The fields of a shelter only some viewers may read: their change alone leaves updatedAt as it was. */
export const CONFIDENTIAL = ['shelter.address', 'shelter.availableBeds'];
