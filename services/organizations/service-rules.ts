import type { Population } from '../kit/enums';
import { badInput } from '../platform/errors';
import { ServiceType } from './entities/service.entity';
import type { ShelterKind } from './entities/shelter.entity';

/** The details of a shelter as a client gives them, checked field by field (ShelterInput). */
export interface ShelterFields {
  kind: ShelterKind;
  capacity: number;
  minAge?: number | null;
  maxAge?: number | null;
  address?: string | null;
  availableBeds?: number | null;
}

/** The fields of a service as a client gives them, checked field by field (ServiceInput, ServiceUpdateInput). */
export interface ServiceFields {
  name?: string | null;
  description?: string | null;
  city?: string | null;
  languages?: string[] | null;
  populations?: Population[] | null;
  free?: boolean | null;
  phone?: string | null;
  hours?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  shelter?: ShelterFields | null;
}

/** The list without repeats, first occurrence kept. */
export const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/* The rules across fields that class-validator cannot state; each names the field to fix. */

export function checkPosition(latitude: number | null, longitude: number | null): void {
  if ((latitude === null) !== (longitude === null)) {
    throw badInput('Give latitude and longitude together, or neither.', latitude === null ? 'latitude' : 'longitude');
  }
}

export function checkShelterForType(type: ServiceType, shelter: ShelterFields | null | undefined): void {
  const given = shelter !== null && shelter !== undefined;
  if (type === ServiceType.SHELTER && !given) {
    throw badInput('A SHELTER service needs its shelter details: give shelter with its kind and capacity.', 'shelter');
  }
  if (type !== ServiceType.SHELTER && given) {
    throw badInput(`Shelter details are only for services of type SHELTER, not ${type}: leave shelter out.`, 'shelter');
  }
}

export function checkShelter(shelter: ShelterFields): void {
  const { minAge, maxAge, availableBeds, capacity } = shelter;
  if (minAge != null && maxAge != null && minAge > maxAge) {
    throw badInput(`shelter.minAge (${minAge}) must be at most shelter.maxAge (${maxAge}).`, 'shelter.minAge');
  }
  if (availableBeds != null && availableBeds > capacity) {
    throw badInput(`shelter.availableBeds (${availableBeds}) must be at most the capacity (${capacity}).`, 'shelter.availableBeds');
  }
}
