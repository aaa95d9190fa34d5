import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { FirstArg, pageSize } from '../../kit/pagination';
import { Country } from '../entities/references';
import { visibleRows } from '../../kit/visibility';
import { Agreement } from '../entities/agreement.entity';
import type { Loaders } from '../loaders';

@Resolver(() => Country)
export class CountryAgreementsResolver {
  @FieldResolver(() => [Agreement], { nullable: true, description: 'Agreements the country is party to, by title.' })
  async agreements(@Root() country: Country, @FirstArg() first: number | null, @Ctx() { loaders }: Context<Loaders>): Promise<Agreement[]> {
    const parties = await loaders.agreementsOfCountry(pageSize(first)).load(country.code);
    return visibleRows(
      await loaders.visibility(),
      parties.map((party) => party.agreement),
    );
  }
}
