import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { assertCanEditServices } from '../access';
import { Service } from '../entities/service.entity';
import type { Loaders } from '../loaders';
import { addService, EditCheck, updateService } from '../service-writes';
import { ServiceInput, ServiceUpdateInput } from './service.input';

/** The ownership rule of access.ts, for the request's viewer. */
const mayEdit =
  (ctx: Context<Loaders>): EditCheck =>
  (found, what) =>
    assertCanEditServices(ctx, found, what);

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
    description: 'Adds a service to an organization: by a member of the VERIFIED organization, or the Secretariat.',
  })
  async addService(
    @Arg('input', () => ServiceInput, { description: 'The service; a SHELTER needs its shelter details.' }) input: ServiceInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Service> {
    return forget(ctx, await addService(ctx.db, input, mayEdit(ctx)));
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
    return forget(ctx, await updateService(ctx.db, id, input, mayEdit(ctx)));
  }
}
