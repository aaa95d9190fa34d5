import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { FirstArg, pageSize } from '../../kit/pagination';
import { NationalAuthority } from '../entities/references';
import { visibleRows } from '../../kit/visibility';
import { Agreement } from '../entities/agreement.entity';
import type { Loaders } from '../loaders';

@Resolver(() => NationalAuthority)
export class NationalAuthorityAgreementsResolver {
  @FieldResolver(() => [Agreement], { nullable: true, description: 'Agreements in which the authority acts for a party, by title.' })
  async agreements(
    @Root() authority: NationalAuthority,
    @FirstArg() first: number | null,
    @Ctx() { loaders }: Context<Loaders>,
  ): Promise<Agreement[]> {
    const parties = await loaders.agreementsOfAuthority(pageSize(first)).load(authority.id);
    return visibleRows(
      await loaders.visibility(),
      parties.map((party) => party.agreement),
    );
  }
}
