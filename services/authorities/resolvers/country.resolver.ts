import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { FirstArg, pageSize } from '../../kit/pagination';
import { countryNames } from '../country-names';
import { Country, LocalizedName } from '../entities/country.entity';
import { NationalAuthority } from '../entities/national-authority.entity';
import type { Loaders } from '../loaders';
import { countryReference } from '../lookups';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => [Country], { nullable: true, description: 'The 35 Member States of the OAS, by English name.' })
  countries(@Ctx() { db }: Context<Loaders>): Promise<Country[]> {
    return db.getRepository(Country).find({ order: { name: 'ASC' } });
  }

  @Query(() => Country, { nullable: true, description: 'A Member State by ISO code (any case); null when none.' })
  country(
    @Arg('code', () => ID, { description: 'ISO 3166-1 alpha-2 code of the Member State, in any case ("GT", "gt").' }) code: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Country | null> {
    return countryReference.find(ctx, code);
  }

  @FieldResolver(() => LocalizedName, { description: 'The short name in the four official languages of the OAS.' })
  names(@Root() country: Country): LocalizedName {
    return countryNames(country.code);
  }

  @FieldResolver(() => [NationalAuthority], { description: 'National authorities of the country, by name.' })
  authorities(
    @Root() country: Country,
    @FirstArg() first: number | null,
    @Ctx() { loaders }: Context<Loaders>,
  ): Promise<NationalAuthority[]> {
    return loaders.authoritiesByCountry(pageSize(first)).load(country.code);
  }

  @FieldResolver(() => NationalAuthority, {
    nullable: true,
    description: 'The national contact point on trafficking in persons, if designated.',
  })
  async contactPoint(@Root() country: Country, @Ctx() { loaders }: Context<Loaders>): Promise<NationalAuthority | null> {
    const [contactPoint] = await loaders.contactPointsByCountry.load(country.code);
    return contactPoint ?? null;
  }
}
