import type { DataSource, EntityManager } from 'typeorm';
import { normalizeCountryCode } from '../kit/countries';
import { byId } from '../kit/entity-reference';
import { newId } from '../kit/ids';
import { inTransaction } from '../kit/transaction';
import { notFound } from '../platform/errors';
import { Organization } from './entities/organization.entity';
import { ServiceLanguage } from './entities/service-language.entity';
import { ServicePopulation } from './entities/service-population.entity';
import { Service, ServiceType } from './entities/service.entity';
import { Shelter } from './entities/shelter.entity';
import { checkPosition, checkShelter, checkShelterForType, ServiceFields, ShelterFields, unique } from './service-rules';

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

/** The fields of an update that are plain columns of the service row. */
const COLUMNS = ['name', 'description', 'city', 'free', 'phone', 'hours', 'latitude', 'longitude'] as const;

/** Writes the join rows the filters read, in step with the JSON copies on the service row. */
async function replaceLanguages(manager: EntityManager, service: Service, replace: boolean): Promise<void> {
  if (replace) await manager.delete(ServiceLanguage, { serviceId: service.id });
  const rows = service.languages.map((language) =>
    Object.assign(new ServiceLanguage(), { serviceId: service.id, language, serviceType: service.type }),
  );
  if (rows.length > 0) await manager.insert(ServiceLanguage, rows);
}

async function replacePopulations(manager: EntityManager, service: Service, replace: boolean): Promise<void> {
  if (replace) await manager.delete(ServicePopulation, { serviceId: service.id });
  const rows = service.populations.map((population) => Object.assign(new ServicePopulation(), { serviceId: service.id, population }));
  if (rows.length > 0) await manager.insert(ServicePopulation, rows);
}

/** Writes the shelter of a service whole: fields left out are cleared. */
async function replaceShelter(manager: EntityManager, serviceId: string, fields: ShelterFields, replace: boolean): Promise<void> {
  if (replace) await manager.delete(Shelter, { serviceId });
  const { kind, capacity, minAge, maxAge, address, availableBeds } = fields;
  const shelter = {
    serviceId,
    kind,
    capacity,
    minAge: minAge ?? null,
    maxAge: maxAge ?? null,
    address: address ?? null,
    availableBeds: availableBeds ?? null,
  };
  await manager.insert(Shelter, Object.assign(new Shelter(), shelter));
}

export async function addService(db: DataSource, fields: NewService, mayEdit: EditCheck): Promise<Service> {
  checkShelterForType(fields.type, fields.shelter);
  if (fields.shelter) checkShelter(fields.shelter);
  checkPosition(fields.latitude ?? null, fields.longitude ?? null);
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
    phone: fields.phone ?? null,
    hours: fields.hours ?? null,
    latitude: fields.latitude ?? null,
    longitude: fields.longitude ?? null,
    isDemo: false,
  });
  await inTransaction(db, async (manager) => {
    const id = byId.parse(fields.organizationId);
    const found = id ? await manager.findOneBy(Organization, { id }) : null;
    service.organizationId = (await mayEdit(found, 'organization')).id;
    await manager.insert(Service, service);
    await replaceLanguages(manager, service, false);
    await replacePopulations(manager, service, false);
    if (fields.shelter) await replaceShelter(manager, service.id, fields.shelter, false);
  });
  return service;
}

/** Changes the fields given (null or absent: unchanged); the shelter details are replaced whole. */
export async function updateService(db: DataSource, id: string, changes: ServiceFields, mayEdit: EditCheck): Promise<Service> {
  const missing = () => notFound('No service with this id.');
  const key = byId.parse(id);
  if (key === null) throw missing();
  return inTransaction(db, async (manager) => {
    const row = await manager.findOneBy(Service, { id: key });
    if (!row) throw missing();
    await mayEdit(await manager.findOneBy(Organization, { id: row.organizationId }), 'service');
    if (changes.shelter) {
      if (row.type !== ServiceType.SHELTER) checkShelterForType(row.type, changes.shelter);
      checkShelter(changes.shelter);
    }
    const columns: Partial<Service> = {};
    for (const column of COLUMNS) {
      const value = changes[column];
      if (value !== null && value !== undefined) Object.assign(columns, { [column]: value });
    }
    if (changes.languages) columns.languages = unique(changes.languages);
    if (changes.populations) columns.populations = unique(changes.populations);
    const updated = Object.assign(new Service(), row, columns);
    checkPosition(updated.latitude, updated.longitude);
    if (Object.keys(columns).length > 0) await manager.update(Service, { id: row.id }, columns);
    if (changes.languages) await replaceLanguages(manager, updated, true);
    if (changes.populations) await replacePopulations(manager, updated, true);
    if (changes.shelter) await replaceShelter(manager, row.id, changes.shelter, true);
    return updated;
  });
}
