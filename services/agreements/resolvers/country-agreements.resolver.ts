import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Country } from '../entities/references';
import { visibleRows } from '../../kit/visibility';
import { Agreement } from '../entities/agreement.entity';
import type { Loaders } from '../loaders';

@Resolver(() => Country)
export class CountryAgreementsResolver {
  @FieldResolver(() => [Agreement], { description: 'Agreements the country is party to, by title.' })
  async agreements(@Root() country: Country, @Ctx() { loaders }: Context<Loaders>): Promise<Agreement[]> {
    const parties = await loaders.agreementsOfCountry.load(country.code);
    return visibleRows(
      await loaders.visibility(),
      parties.map((party) => party.agreement),
    );
  }
}
