import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { UUID_PATTERN } from '../../kit/ids';
import { paginate, paginateByKeys } from '../../kit/keyset';
import { applySearch } from '../../kit/search';
import { countryFilter, searchTerm } from '../../kit/validation';
import { AUTHORITIES_INDEX } from '../search-indexes';
import { Country } from '../entities/country.entity';
import { NationalAuthority } from '../entities/national-authority.entity';
import type { Loaders } from '../loaders';
import { AuthoritiesArgs, NationalAuthorityConnection } from './authority.args';

@Resolver(() => NationalAuthority)
export class NationalAuthorityResolver {
  @Query(() => NationalAuthorityConnection, { description: 'The directory of national authorities, by name (by relevance with filter.search).' })
  async authorities(@Args() args: AuthoritiesArgs, @Ctx() { db }: Context<Loaders>): Promise<NationalAuthorityConnection> {
    const query = db.getRepository(NationalAuthority).createQueryBuilder('a');
    const country = countryFilter(args.filter?.country);
    const search = searchTerm(args.filter?.search);
    if (country) query.andWhere('a.country_code = :country', { country });
    if (args.filter?.competence) {
      query.andWhere('a.competences LIKE :competence', { competence: `%"${args.filter.competence}"%` });
    }
    if (search) return paginateByKeys(query, args, applySearch(query, AUTHORITIES_INDEX, search, 'name'));
    return paginate(query, args, { column: 'name', property: 'name' });
  }

  @Query(() => NationalAuthority, { nullable: true, description: 'A national authority by id; null when none.' })
  async authority(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context<Loaders>): Promise<NationalAuthority | null> {
    return UUID_PATTERN.test(id) ? loaders.authority.load(id) : null;
  }

  @FieldResolver(() => Country, { description: 'The country the authority belongs to.' })
  async country(@Root() authority: NationalAuthority, @Ctx() { loaders }: Context<Loaders>): Promise<Country> {
    const country = await loaders.country.load(authority.countryCode);
    if (!country) throw new Error(`authority ${authority.id} refers to unknown country ${authority.countryCode}`);
    return country;
  }
}
