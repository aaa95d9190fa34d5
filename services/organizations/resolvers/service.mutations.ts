import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { normalizeCountryCode } from '../../kit/countries';
import { notFound } from '../../platform/errors';
import { newId, UUID_PATTERN } from '../../kit/ids';
import { inTransaction } from '../../kit/transaction';
import { assertCanEditServices } from '../access';
import { Organization } from '../entities/organization.entity';
import { Service, ServiceType } from '../entities/service.entity';
import type { Loaders } from '../loaders';
import {
  checkPosition,
  checkShelter,
  checkShelterForType,
  replaceLanguages,
  replacePopulations,
  replaceShelter,
  unique,
} from '../service-writes';
import { ServiceInput, ServiceUpdateInput } from './service.input';

/** The fields of ServiceUpdateInput that are plain columns of the service row. */
const COLUMNS = ['name', 'description', 'city', 'free', 'phone', 'hours', 'latitude', 'longitude'] as const;

/** Forgets what this request cached of a service that just changed. */
function forget(ctx: Context<Loaders>, service: Service): void {
  ctx.loaders.service.clear(service.id).prime(service.id, service);
  ctx.loaders.shelter.clear(service.id);
  ctx.loaders.servicesByOrganization.clear(service.organizationId);
}

@Resolver()
export class ServiceMutations {
  @Authorized()
  @Mutation(() => Service, {
    description: 'Adds a service to an organization: by a member of the VERIFIED organization, or the Secretariat.',
  })
  async addService(
    @Arg('input', () => ServiceInput, { description: 'The service; a SHELTER needs its shelter details.' }) input: ServiceInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Service> {
    checkShelterForType(input.type, input.shelter);
    if (input.shelter) checkShelter(input.shelter);
    checkPosition(input.latitude ?? null, input.longitude ?? null);
    const service = Object.assign(new Service(), {
      id: newId(),
      name: input.name,
      type: input.type,
      description: input.description ?? null,
      countryCode: normalizeCountryCode(input.country)!,
      city: input.city ?? null,
      languages: unique(input.languages ?? []),
      populations: unique(input.populations ?? []),
      free: input.free ?? true,
      phone: input.phone ?? null,
      hours: input.hours ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      isDemo: false,
    });
    await inTransaction(ctx.db, async (manager) => {
      const id = input.organizationId.toLowerCase();
      const found = UUID_PATTERN.test(id) ? await manager.findOneBy(Organization, { id }) : null;
      service.organizationId = (await assertCanEditServices(ctx, found, 'organization')).id;
      await manager.insert(Service, service);
      await replaceLanguages(manager, service, false);
      await replacePopulations(manager, service, false);
      if (input.shelter) await replaceShelter(manager, service.id, input.shelter, false);
    });
    forget(ctx, service);
    return service;
  }

  @Authorized()
  @Mutation(() => Service, {
    description:
      'Changes the fields given of a service (null or absent: unchanged; shelter replaces the shelter details whole): ' +
      'by a member of its VERIFIED organization, or the Secretariat.',
  })
  async updateService(
    @Arg('id', () => ID, { description: 'The service.' }) id: string,
    @Arg('input', () => ServiceUpdateInput, { description: 'The changes.' }) input: ServiceUpdateInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Service> {
    const missing = () => notFound('No service with this id.');
    if (!UUID_PATTERN.test(id)) throw missing();
    const service = await inTransaction(ctx.db, async (manager) => {
      const row = await manager.findOneBy(Service, { id: id.toLowerCase() });
      if (!row) throw missing();
      await assertCanEditServices(ctx, await manager.findOneBy(Organization, { id: row.organizationId }), 'service');
      if (input.shelter) {
        if (row.type !== ServiceType.SHELTER) checkShelterForType(row.type, input.shelter);
        checkShelter(input.shelter);
      }
      const changes: Partial<Service> = {};
      for (const column of COLUMNS) {
        const value = input[column];
        if (value !== null && value !== undefined) Object.assign(changes, { [column]: value });
      }
      if (input.languages) changes.languages = unique(input.languages);
      if (input.populations) changes.populations = unique(input.populations);
      const updated = Object.assign(new Service(), row, changes);
      checkPosition(updated.latitude, updated.longitude);
      if (Object.keys(changes).length > 0) await manager.update(Service, { id: row.id }, changes);
      if (input.languages) await replaceLanguages(manager, updated, true);
      if (input.populations) await replacePopulations(manager, updated, true);
      if (input.shelter) await replaceShelter(manager, row.id, input.shelter, true);
      return updated;
    });
    forget(ctx, service);
    return service;
  }
}
