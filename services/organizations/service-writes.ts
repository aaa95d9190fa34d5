import type { EntityManager } from 'typeorm';
import { badInput } from '../platform/errors';
import { ServiceLanguage } from './entities/service-language.entity';
import { ServicePopulation } from './entities/service-population.entity';
import { Service, ServiceType } from './entities/service.entity';
import { Shelter } from './entities/shelter.entity';
import type { ShelterInput } from './resolvers/service.input';

/** The list without repeats, first occurrence kept. */
export const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** The rules across fields that class-validator cannot state; each names the field to fix. */
export function checkPosition(latitude: number | null, longitude: number | null): void {
  if ((latitude === null) !== (longitude === null)) {
    throw badInput('Give latitude and longitude together, or neither.', latitude === null ? 'latitude' : 'longitude');
  }
}

export function checkShelterForType(type: ServiceType, shelter: ShelterInput | null | undefined): void {
  const given = shelter !== null && shelter !== undefined;
  if (type === ServiceType.SHELTER && !given) {
    throw badInput('A SHELTER service needs its shelter details: give shelter with its kind and capacity.', 'shelter');
  }
  if (type !== ServiceType.SHELTER && given) {
    throw badInput(`Shelter details are only for services of type SHELTER, not ${type}: leave shelter out.`, 'shelter');
  }
}

export function checkShelter(shelter: ShelterInput): void {
  const { minAge, maxAge, availableBeds, capacity } = shelter;
  if (minAge != null && maxAge != null && minAge > maxAge) {
    throw badInput(`shelter.minAge (${minAge}) must be at most shelter.maxAge (${maxAge}).`, 'shelter.minAge');
  }
  if (availableBeds != null && availableBeds > capacity) {
    throw badInput(`shelter.availableBeds (${availableBeds}) must be at most the capacity (${capacity}).`, 'shelter.availableBeds');
  }
}

/** Writes the join rows the filters read, in step with the JSON copies on the service row. */
export async function replaceLanguages(manager: EntityManager, service: Service, replace: boolean): Promise<void> {
  if (replace) await manager.delete(ServiceLanguage, { serviceId: service.id });
  const rows = service.languages.map((language) => Object.assign(new ServiceLanguage(), { serviceId: service.id, language, serviceType: service.type }));
  if (rows.length > 0) await manager.insert(ServiceLanguage, rows);
}

export async function replacePopulations(manager: EntityManager, service: Service, replace: boolean): Promise<void> {
  if (replace) await manager.delete(ServicePopulation, { serviceId: service.id });
  const rows = service.populations.map((population) =>
    Object.assign(new ServicePopulation(), { serviceId: service.id, population }),
  );
  if (rows.length > 0) await manager.insert(ServicePopulation, rows);
}

/** Writes the shelter of a service whole: fields left out of the input are cleared. */
export async function replaceShelter(manager: EntityManager, serviceId: string, input: ShelterInput, replace: boolean): Promise<Shelter> {
  if (replace) await manager.delete(Shelter, { serviceId });
  const shelter = Object.assign(new Shelter(), {
    serviceId,
    kind: input.kind,
    capacity: input.capacity,
    minAge: input.minAge ?? null,
    maxAge: input.maxAge ?? null,
    address: input.address ?? null,
    availableBeds: input.availableBeds ?? null,
  });
  await manager.insert(Shelter, shelter);
  return shelter;
}
