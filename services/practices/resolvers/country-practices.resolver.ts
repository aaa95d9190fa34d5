import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Country } from '../entities/country.reference';
import { Practice } from '../entities/practice.entity';
import type { Loaders } from '../loaders';
import { visiblePractices } from '../visibility';

@Resolver(() => Country)
export class CountryPracticesResolver {
  @FieldResolver(() => [Practice], {
    description: 'Practices that took place in the country, by title: the published ones, and those under review the viewer may read.',
  })
  async practices(@Root() country: Country, @Ctx() { loaders, viewer }: Context<Loaders>): Promise<Practice[]> {
    return visiblePractices(viewer, await loaders.practicesOfCountry.load(country.code));
  }
}
