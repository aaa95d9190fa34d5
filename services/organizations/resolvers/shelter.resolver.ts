import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Shelter } from '../entities/shelter.entity';
import type { Loaders } from '../loaders';
import { mayReadShelterDetails } from '../shelter-reads';

/** May the viewer read this shelter's confidential fields? An AUTHORITY's read is logged first (shelter-reads.ts). */
function mayRead(shelter: Shelter, ctx: Context<Loaders>): Promise<boolean> {
  const organizationId = shelter.organizationId;
  return organizationId ? mayReadShelterDetails(ctx, shelter.serviceId, organizationId) : Promise.resolve(false);
}

/** The confidential fields of Shelter: null, without an error, for viewers who may not read them. */
@Resolver(() => Shelter)
export class ShelterResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'CONFIDENTIAL street address: only authorities, the Secretariat and members of the organization; null for others. ' +
      "An authority's read is written to the access log.",
  })
  async address(@Root() shelter: Shelter, @Ctx() ctx: Context<Loaders>): Promise<string | null> {
    return (await mayRead(shelter, ctx)) ? shelter.address : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'CONFIDENTIAL beds free now, readable and logged as the address; null for others.',
  })
  async availableBeds(@Root() shelter: Shelter, @Ctx() ctx: Context<Loaders>): Promise<number | null> {
    return (await mayRead(shelter, ctx)) ? shelter.availableBeds : null;
  }
}
