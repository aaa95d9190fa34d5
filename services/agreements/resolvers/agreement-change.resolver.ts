import { Args, ArgsType, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { byId } from '../../kit/entity-reference';
import { columnKey, paginateList } from '../../kit/keyset';
import { Connection, PageArgs } from '../../kit/pagination';
import { countryFilter } from '../../kit/validation';
import { badInput } from '../../platform/errors';
import { AgreementChange } from '../entities/agreement-change.entity';
import type { Loaders } from '../loaders';
import { partyCountryPattern } from '../visibility';

@ArgsType()
export class AgreementHistoryArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the changes of this agreement; every change of the register without it.' })
  agreementId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the changes of agreements this country is party to (ISO code, any case).' })
  country?: string | null;
}

@ObjectType({ description: 'A page of the history of the register of agreements, newest first.' })
export class AgreementChangeConnection extends Connection(AgreementChange) {}

@Resolver(() => AgreementChange)
export class AgreementChangeResolver {
  @Authorized('SECRETARIAT')
  @Query(() => AgreementChangeConnection, {
    nullable: true,
    description:
      "The history of the register of agreements, newest first: every creation, signature and change of status, who made it and the fields' old and new values. SECRETARIAT only.",
  })
  agreementHistory(
    @Args() { agreementId, country, ...page }: AgreementHistoryArgs,
    @Ctx() { db }: Context<Loaders>,
  ): Promise<AgreementChangeConnection> {
    const query = db.getRepository(AgreementChange).createQueryBuilder('h');
    if (agreementId != null) {
      const key = byId.parse(agreementId);
      if (key === null) throw badInput('agreementId is not the id of an agreement.', 'agreementId');
      query.andWhere('h.agreement_id = :key', { key });
    }
    const code = countryFilter(country);
    if (code) query.andWhere('h.party_countries LIKE :party', { party: partyCountryPattern(code) });
    return paginateList({ query, keys: [columnKey('h', 'recency')] }, page);
  }
}
