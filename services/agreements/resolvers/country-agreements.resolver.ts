import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Agreement } from '../entities/agreement.entity';
import { Country } from '../entities/country.reference';
import type { Loaders } from '../loaders';
import { visibleAgreements } from '../visibility';

@Resolver(() => Country)
export class CountryAgreementsResolver {
  @FieldResolver(() => [Agreement], { description: 'Agreements the country is party to, by title.' })
  async agreements(@Root() country: Country, @Ctx() ctx: Context<Loaders>): Promise<Agreement[]> {
    const parties = await ctx.loaders.agreementsOfCountry.load(country.code);
    return visibleAgreements(ctx, parties.map((party) => party.agreement!));
  }
}
