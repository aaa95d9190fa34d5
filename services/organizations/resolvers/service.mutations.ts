import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { assertCanEditServices } from '../access';
import { Service } from '../entities/service.entity';
import { Shelter } from '../entities/shelter.entity';
import type { Loaders } from '../loaders';
import { setArchived, setAvailableBeds } from '../service-state';
import { addService, Editor, updateService } from '../service-writes';
import { ServiceInput, ServiceUpdateInput } from './service.input';

const WHO = 'By a member of its organization (PENDING or VERIFIED), or the Secretariat.';

/** The signed-in caller (@Authorized), held to the ownership rule of access.ts. */
const editor = (ctx: Context<Loaders>): Editor => ({
  userId: ctx.viewer!.id,
  mayEdit: (found, what) => assertCanEditServices(ctx, found, what),
});

/** Forgets what this request cached of a service that just changed. */
function forget(ctx: Context<Loaders>, service: Service): Service {
  ctx.loaders.service.clear(service.id).prime(service.id, service);
  ctx.loaders.shelter.clear(service.id);
  ctx.loaders.servicesByOrganization.clear(service.organizationId);
  return service;
}

@Resolver()
export class ServiceMutations {
  @Authorized()
  @Mutation(() => Service, {
    description:
      "Adds a service to an organization, in the organization's country or one it serves. " +
      'Those of a PENDING organization stay hidden from the public until it is VERIFIED. ' +
      WHO,
  })
  async addService(
    @Arg('input', () => ServiceInput, { description: 'The service; a SHELTER needs its shelter details.' }) input: ServiceInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Service> {
    return forget(ctx, await addService(ctx.db, input, editor(ctx)));
  }

  @Authorized()
  @Mutation(() => Service, {
    description:
      'Changes a service: a field left out stays, null clears a nullable one; shelterUpdate changes only the shelter ' +
      `fields given (shelter replaces them whole). Not an archived service. ${WHO}`,
  })
  async updateService(
    @Arg('id', () => ID, { description: 'The service.' }) id: string,
    @Arg('input', () => ServiceUpdateInput, { description: 'The changes.' }) input: ServiceUpdateInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Service> {
    return forget(ctx, await updateService(ctx.db, id, input, editor(ctx)));
  }

  @Authorized()
  @Mutation(() => Service, {
    description: `Archives a service: it leaves every public list and search; its members and the Secretariat still see it. ${WHO}`,
  })
  async archiveService(@Arg('id', () => ID, { description: 'The service.' }) id: string, @Ctx() ctx: Context<Loaders>): Promise<Service> {
    return forget(ctx, await setArchived(ctx.db, id, true, editor(ctx)));
  }

  @Authorized()
  @Mutation(() => Service, { description: `Restores an archived service to the lists and search. ${WHO}` })
  async restoreService(@Arg('id', () => ID, { description: 'The service.' }) id: string, @Ctx() ctx: Context<Loaders>): Promise<Service> {
    return forget(ctx, await setArchived(ctx.db, id, false, editor(ctx)));
  }

  @Authorized()
  @Mutation(() => Shelter, {
    description: `Sets a shelter's free beds, 0 to its capacity; nothing else changes. Not an archived service. ${WHO}`,
  })
  async setAvailableBeds(
    @Arg('serviceId', () => ID, { description: 'The SHELTER service.' }) serviceId: string,
    @Arg('availableBeds', () => Int, { description: 'Beds free now, 0 to the capacity.' }) availableBeds: number,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Shelter> {
    const shelter = await setAvailableBeds(ctx.db, serviceId, availableBeds, editor(ctx));
    ctx.loaders.shelter.clear(shelter.serviceId);
    return shelter;
  }
}
