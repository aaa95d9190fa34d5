import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { FirstArg, pageSize } from '../../kit/pagination';
import { Country } from '../entities/references';
import { visibleRows } from '../../kit/visibility';
import { Practice } from '../entities/practice.entity';
import type { Loaders } from '../loaders';

@Resolver(() => Country)
export class CountryPracticesResolver {
  @FieldResolver(() => [Practice], {
    nullable: true,
    description: 'Practices that took place in the country, by title: the published ones, and those under review the viewer may read.',
  })
  async practices(@Root() country: Country, @FirstArg() first: number | null, @Ctx() { loaders }: Context<Loaders>): Promise<Practice[]> {
    const links = await loaders.practicesOfCountry(pageSize(first)).load(country.code);
    return visibleRows(
      await loaders.visibility(),
      links.map((link) => link.practice),
    );
  }
}
