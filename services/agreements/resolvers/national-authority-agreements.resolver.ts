import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Agreement } from '../entities/agreement.entity';
import { NationalAuthority } from '../entities/national-authority.reference';
import type { Loaders } from '../loaders';
import { visibleAgreements } from '../visibility';

@Resolver(() => NationalAuthority)
export class NationalAuthorityAgreementsResolver {
  @FieldResolver(() => [Agreement], { description: 'Agreements in which the authority acts for a party, by title.' })
  async agreements(@Root() authority: NationalAuthority, @Ctx() ctx: Context<Loaders>): Promise<Agreement[]> {
    const parties = await ctx.loaders.agreementsOfAuthority.load(authority.id);
    return visibleAgreements(ctx, parties.map((party) => party.agreement!));
  }
}
