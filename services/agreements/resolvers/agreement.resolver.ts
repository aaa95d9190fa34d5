import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { UUID_PATTERN } from '../../kit/ids';
import { paginate } from '../../kit/keyset';
import { countryFilter } from '../../kit/validation';
import { Agreement } from '../entities/agreement.entity';
import { AgreementParty } from '../entities/agreement-party.entity';
import { Guideline } from '../entities/guideline.reference';
import type { Loaders } from '../loaders';
import { agreementVisibilityCondition, visibleAgreements } from '../visibility';
import { AgreementConnection, AgreementsArgs } from './agreement.args';

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => AgreementConnection, { description: 'The register of cooperation agreements, by title.' })
  async agreements(@Args() args: AgreementsArgs, @Ctx() { db, viewer }: Context<Loaders>): Promise<AgreementConnection> {
    const filter = args.filter ?? {};
    const country = countryFilter(filter.country);
    const query = db.getRepository(Agreement).createQueryBuilder('a');
    const visibility = agreementVisibilityCondition(viewer, 'a');
    if (visibility) query.andWhere(visibility.condition, visibility.parameters);
    if (filter.kind) query.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (country) {
      query.andWhere('EXISTS (SELECT 1 FROM agreement_parties fp WHERE fp.agreement_id = a.id AND fp.country_code = :country)', {
        country,
      });
    }
    return paginate(query, args, { column: 'title', property: 'title' });
  }

  @Query(() => Agreement, { nullable: true, description: 'An agreement by id; null when none, or a draft the viewer may not see.' })
  async agreement(
    @Arg('id', () => ID, { description: 'The id of the agreement (UUID).' }) id: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Agreement | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const agreement = await ctx.loaders.agreement.load(id.toLowerCase());
    return agreement ? ((await visibleAgreements(ctx, [agreement]))[0] ?? null) : null;
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
