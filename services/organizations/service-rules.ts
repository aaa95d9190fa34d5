import type { Population } from '../kit/enums';
import { badInput } from '../platform/errors';
import { ServiceCoverage, ServiceType } from './entities/service.entity';
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

/** Changes to a shelter (ShelterUpdateInput): left out stays; null clears (refused for kind and capacity). */
export type ShelterChanges = { [K in keyof ShelterFields]?: ShelterFields[K] | null };

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
  coverage?: ServiceCoverage | null;
  shelter?: ShelterFields | null;
  /** Only on an update: the shelter fields given change, the others stay. */
  shelterUpdate?: ShelterChanges | null;
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

/**
 * The rules across a shelter's fields, on the shelter as it would be. `input` names the input field the
 * client gave (shelter, shelterUpdate) and `given` what it gave, so that the error names a field it sent.
 */
export function checkShelter(shelter: ShelterFields, input = 'shelter', given: ShelterChanges = shelter): void {
  const { minAge, maxAge, availableBeds, capacity } = shelter;
  if (minAge != null && maxAge != null && minAge > maxAge) {
    const field = given.minAge !== undefined ? 'minAge' : 'maxAge';
    throw badInput(`${input}.minAge (${minAge}) must be at most ${input}.maxAge (${maxAge}).`, `${input}.${field}`);
  }
  if (availableBeds != null && availableBeds > capacity) {
    const field = given.availableBeds !== undefined ? 'availableBeds' : 'capacity';
    throw badInput(`${input}.availableBeds (${availableBeds}) must be at most the capacity (${capacity}).`, `${input}.${field}`);
  }
}

/** A service is offered in the organization's country or in one it serves (countriesServed, its own included). */
export function checkCountryServed(country: string, served: readonly string[]): void {
  if (!served.includes(country)) {
    throw badInput(
      `The organization does not serve ${country}: add it to the organization's countriesServed first (it serves ${served.join(', ')}).`,
      'country',
    );
  }
}

/** Refuses null for a field of an update that cannot be cleared. */
export function notCleared<T>(value: T | null | undefined, field: string): T | undefined {
  if (value === null) throw badInput(`${field} cannot be cleared: give a new value or leave the field out.`, field);
  return value;
}
