import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { FirstArg, pageSize } from '../../kit/pagination';
import { CountryReport } from '../entities/country-report.entity';
import { NationalPlan } from '../entities/national-plan.entity';
import { Country } from '../entities/references';
import type { Loaders } from '../loaders';

@Resolver(() => Country)
export class CountryReportsResolver {
  @FieldResolver(() => [CountryReport], {
    nullable: true,
    description:
      'Its reports on the Annex I indicators, by period: the PUBLISHED ones, and the others for its own authorities and the Secretariat.',
  })
  reports(@Root() country: Country, @FirstArg() first: number | null, @Ctx() { loaders }: Context<Loaders>): Promise<CountryReport[]> {
    return loaders.reportsOfCountry(pageSize(first)).load(country.code);
  }

  @FieldResolver(() => [NationalPlan], { nullable: true, description: 'Its national action plans, by start year then title.' })
  nationalPlans(@Root() country: Country, @FirstArg() first: number | null, @Ctx() { loaders }: Context<Loaders>): Promise<NationalPlan[]> {
    return loaders.plansOfCountry(pageSize(first)).load(country.code);
  }
}
