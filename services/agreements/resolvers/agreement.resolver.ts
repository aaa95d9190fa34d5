import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { paginateList } from '../../kit/keyset';
import { Guideline } from '../entities/references';
import { agreementCriteria, agreementsQuery } from '../agreement-query';
import { Agreement } from '../entities/agreement.entity';
import { AgreementParty } from '../entities/agreement-party.entity';
import type { Loaders } from '../loaders';
import { agreementReference } from '../lookups';
import { AgreementConnection, AgreementsArgs } from './agreement.args';

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => AgreementConnection, { nullable: true, description: 'The register of cooperation agreements, by title.' })
  async agreements(@Args() { filter, ...page }: AgreementsArgs, @Ctx() { db, loaders }: Context<Loaders>): Promise<AgreementConnection> {
    const criteria = agreementCriteria(filter);
    return paginateList(agreementsQuery(db, criteria, await loaders.visibility()), page);
  }

  @Query(() => Agreement, { nullable: true, description: 'An agreement by id; null when none, or a draft the viewer may not see.' })
  agreement(
    @Arg('id', () => ID, { description: 'The id of the agreement (UUID).' }) id: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Agreement | null> {
    return agreementReference.find(ctx, id);
  }

  @FieldResolver(() => [AgreementParty], { description: 'The parties, in the order of the agreement.' })
  parties(@Root() agreement: Agreement, @Ctx() { loaders }: Context<Loaders>): Promise<AgreementParty[]> {
    return loaders.partiesOfAgreement.load(agreement.id);
  }

  @FieldResolver(() => [Guideline], { description: 'The Work Plan guidelines the agreement puts into practice, by number.' })
  guidelines(@Root() agreement: Agreement): Guideline[] {
    return [...agreement.guidelineNumbers].sort((a, b) => a - b).map((number) => ({ number }));
  }
}
