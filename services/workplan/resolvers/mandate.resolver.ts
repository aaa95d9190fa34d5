import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Mandate } from '../entities/mandate.entity';
import type { Loaders } from '../loaders';

@Resolver(() => Mandate)
export class MandateResolver {
  @Query(() => [Mandate], { nullable: true, description: 'The 17 mandates of the Work Plan to the General Secretariat, by number.' })
  mandates(@Ctx() { db }: Context<Loaders>): Promise<Mandate[]> {
    return db.getRepository(Mandate).find({ order: { number: 'ASC' } });
  }
}
