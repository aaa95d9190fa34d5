import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Population } from '../../kit/enums';
import { badInput } from '../../platform/errors';
import { UUID_PATTERN } from '../../kit/ids';
import { paginate, paginateByKeys } from '../../kit/keyset';
import { applySearch } from '../../kit/search';
import { countryFilter, searchTerm } from '../../kit/validation';
import { PRACTICES_INDEX } from '../search-indexes';
import { Country } from '../entities/country.reference';
import { Guideline } from '../entities/guideline.reference';
import { NationalAuthority } from '../entities/national-authority.reference';
import { Organization } from '../entities/organization.reference';
import { Practice } from '../entities/practice.entity';
import type { Loaders } from '../loaders';
import { canSeePractice, practiceVisibilityCondition } from '../visibility';
import { PracticeConnection, PracticesArgs } from './practice.args';
import { GUIDELINE_COUNT } from './practice.input';

/** A guideline number for a filter: the Work Plan has guidelines 1 to 67. */
export function guidelineFilter(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > GUIDELINE_COUNT) {
    throw badInput(`guideline must be a Work Plan guideline number, 1 to ${GUIDELINE_COUNT}; got ${value}.`, 'guideline');
  }
  return value;
}

const linked = (table: string, column: string, parameter: string) =>
  `EXISTS (SELECT 1 FROM ${table} l_${parameter} WHERE l_${parameter}.practice_id = p.id AND l_${parameter}.${column} = :${parameter})`;

@Resolver(() => Practice)
export class PracticeResolver {
  @Query(() => PracticeConnection, {
    description:
      'The library of published practices, by title (by relevance with filter.search); with them, those under review the viewer submitted ' +
      '(and every status for the Secretariat).',
  })
  async practices(@Args() args: PracticesArgs, @Ctx() { db, viewer }: Context<Loaders>): Promise<PracticeConnection> {
    const filter = args.filter ?? {};
    const country = countryFilter(filter.country);
    const guideline = guidelineFilter(filter.guideline);
    const search = searchTerm(filter.search);
    const query = db.getRepository(Practice).createQueryBuilder('p');
    const visibility = practiceVisibilityCondition(viewer, 'p');
    if (visibility) query.andWhere(visibility.condition, visibility.parameters);
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.pillar) query.andWhere('p.pillar = :pillar', { pillar: filter.pillar });
    if (country) query.andWhere(linked('practice_countries', 'country_code', 'country'), { country });
    if (guideline) query.andWhere(linked('practice_guidelines', 'guideline_number', 'guideline'), { guideline });
    if (filter.population) {
      query.andWhere(linked('practice_populations', 'population', 'population'), { population: filter.population });
    }
    if (search) return paginateByKeys(query, args, applySearch(query, PRACTICES_INDEX, search, 'title'));
    return paginate(query, args, { column: 'title', property: 'title' });
  }

  @Query(() => Practice, {
    nullable: true,
    description: 'A practice by id; null when none, or one under review that the viewer neither submitted nor may review.',
  })
  async practice(
    @Arg('id', () => ID, { description: 'The id of the practice (UUID).' }) id: string,
    @Ctx() { loaders, viewer }: Context<Loaders>,
  ): Promise<Practice | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const practice = await loaders.practice.load(id.toLowerCase());
    return practice && canSeePractice(viewer, practice) ? practice : null;
  }

  @FieldResolver(() => [Country], { description: 'The countries where the practice took place, by code.' })
  async countries(@Root() practice: Practice, @Ctx() { loaders }: Context<Loaders>): Promise<Country[]> {
    const links = await loaders.countriesOfPractice.load(practice.id);
    return links.map((link) => ({ code: link.countryCode }));
  }

  @FieldResolver(() => [Guideline], { description: 'The Work Plan guidelines the practice implements, by number.' })
  async guidelines(@Root() practice: Practice, @Ctx() { loaders }: Context<Loaders>): Promise<Guideline[]> {
    const links = await loaders.guidelinesOfPractice.load(practice.id);
    return links.map((link) => ({ number: link.guidelineNumber }));
  }

  @FieldResolver(() => [Population], { description: 'The populations the practice is meant for.' })
  async populations(@Root() practice: Practice, @Ctx() { loaders }: Context<Loaders>): Promise<Population[]> {
    const links = await loaders.populationsOfPractice.load(practice.id);
    return links.map((link) => link.population);
  }

  @FieldResolver(() => [Organization], { description: 'The civil-society organizations that carried it out.' })
  async organizations(@Root() practice: Practice, @Ctx() { loaders }: Context<Loaders>): Promise<Organization[]> {
    const links = await loaders.organizationsOfPractice.load(practice.id);
    return links.map((link) => ({ id: link.organizationId }));
  }

  @FieldResolver(() => [NationalAuthority], { description: 'The national authorities that carried it out.' })
  async authorities(@Root() practice: Practice, @Ctx() { loaders }: Context<Loaders>): Promise<NationalAuthority[]> {
    const links = await loaders.authoritiesOfPractice.load(practice.id);
    return links.map((link) => ({ id: link.authorityId }));
  }
}
