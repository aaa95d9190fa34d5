import { e164 } from '../kit/phone';
import { badInput } from '../platform/errors';
import { Service, ServiceType } from './entities/service.entity';
import { Shelter } from './entities/shelter.entity';
import { checkShelter, checkShelterForType, notCleared, ServiceFields, ShelterFields, unique } from './service-rules';

/** A phone as stored: e164() of one the input's validator has checked; null stays null. */
export const storedPhone = (value: string | null | undefined): string | null => (value == null ? null : (e164(value) ?? value));

/** Nullable columns: a value sets them, null clears them, left out (undefined) keeps them. */
const CLEARABLE = ['description', 'city', 'hours', 'latitude', 'longitude'] as const;

/**
 * The service once an update applies (the update rule of the contract): a field left out stays, null clears
 * a nullable one, and null for a field the service must have (name, free, languages, populations,
 * coverage) is refused naming it.
 */
export function serviceAfter(row: Service, changes: ServiceFields): Service {
  const next = Object.assign(new Service(), row);
  const name = notCleared(changes.name, 'name');
  if (name !== undefined) next.name = name;
  const free = notCleared(changes.free, 'free');
  if (free !== undefined) next.free = free;
  const coverage = notCleared(changes.coverage, 'coverage');
  if (coverage !== undefined) next.coverage = coverage;
  const languages = notCleared(changes.languages, 'languages');
  if (languages !== undefined) next.languages = unique(languages);
  const populations = notCleared(changes.populations, 'populations');
  if (populations !== undefined) next.populations = unique(populations);
  for (const column of CLEARABLE) {
    const value = changes[column];
    if (value !== undefined) Object.assign(next, { [column]: value });
  }
  if (changes.phone !== undefined) next.phone = storedPhone(changes.phone);
  return next;
}

/** A shelter row from the fields of a ShelterInput: those left out are cleared. */
export function wholeShelter(serviceId: string, fields: ShelterFields): Shelter {
  const { kind, capacity, minAge, maxAge, address, availableBeds } = fields;
  return Object.assign(new Shelter(), {
    serviceId,
    kind,
    capacity,
    minAge: minAge ?? null,
    maxAge: maxAge ?? null,
    address: address ?? null,
    availableBeds: availableBeds ?? null,
  });
}

/**
 * The shelter once an update applies: `shelter` replaces it whole (v1), `shelterUpdate` changes only the
 * fields it gives (null clears minAge, maxAge, address or availableBeds; kind and capacity cannot be
 * cleared), never both at once. The same rules as a whole shelter hold on the result.
 */
export function shelterAfter(row: Service, current: Shelter | null, changes: ServiceFields): Shelter | null {
  const { shelter, shelterUpdate } = changes;
  if (shelter !== undefined && shelterUpdate !== undefined && shelter !== null && shelterUpdate !== null) {
    throw badInput('Give shelter (the whole shelter) or shelterUpdate (some of its fields), not both.', 'shelterUpdate');
  }
  if (shelter === null) {
    if (row.type === ServiceType.SHELTER)
      throw badInput('shelter cannot be cleared: a SHELTER service has its shelter details.', 'shelter');
    return current;
  }
  if (shelter !== undefined) {
    checkShelterForType(row.type, shelter);
    checkShelter(shelter);
    return wholeShelter(row.id, shelter);
  }
  if (shelterUpdate === null || shelterUpdate === undefined) return current;
  if (row.type !== ServiceType.SHELTER || !current) {
    throw badInput(`Shelter details are only for services of type SHELTER, not ${row.type}: leave shelterUpdate out.`, 'shelterUpdate');
  }
  const next = Object.assign(new Shelter(), current);
  const kind = notCleared(shelterUpdate.kind, 'shelterUpdate.kind');
  if (kind !== undefined) next.kind = kind;
  const capacity = notCleared(shelterUpdate.capacity, 'shelterUpdate.capacity');
  if (capacity !== undefined) next.capacity = capacity;
  for (const field of ['minAge', 'maxAge', 'address', 'availableBeds'] as const) {
    const value = shelterUpdate[field];
    if (value !== undefined) Object.assign(next, { [field]: value });
  }
  checkShelter(next, 'shelterUpdate', shelterUpdate);
  return next;
}
