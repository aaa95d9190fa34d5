import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { paginateList } from '../../kit/keyset';
import { authoritiesQuery, authorityCriteria } from '../authority-query';
import { Country } from '../entities/country.entity';
import { NationalAuthority } from '../entities/national-authority.entity';
import type { Loaders } from '../loaders';
import { authorityReference } from '../lookups';
import { internationalFormat } from '../../kit/phone';
import { AuthoritiesArgs, NationalAuthorityConnection } from './authority.args';

@Resolver(() => NationalAuthority)
export class NationalAuthorityResolver {
  @Query(() => NationalAuthorityConnection, {
    nullable: true,
    description: 'The directory of national authorities, archived ones left out, by name (by relevance with filter.search).',
  })
  authorities(@Args() { filter, ...page }: AuthoritiesArgs, @Ctx() { db }: Context<Loaders>): Promise<NationalAuthorityConnection> {
    return paginateList(authoritiesQuery(db, authorityCriteria(filter)), page);
  }

  @Query(() => NationalAuthority, { nullable: true, description: 'A national authority by id, archived ones included; null when none.' })
  authority(
    @Arg('id', () => ID, { description: 'The id of the authority (UUID).' }) id: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<NationalAuthority | null> {
    return authorityReference.find(ctx, id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Public contact phone in international format, e.g. +502 2222 3333.' })
  phone(@Root() authority: NationalAuthority): string | null {
    return authority.phone === null ? null : internationalFormat(authority.phone);
  }

  @FieldResolver(() => Country, { description: 'The country the authority belongs to.' })
  async country(@Root() authority: NationalAuthority, @Ctx() { loaders }: Context<Loaders>): Promise<Country> {
    const country = await loaders.country.load(authority.countryCode);
    if (!country) throw new Error(`authority ${authority.id} refers to unknown country ${authority.countryCode}`);
    return country;
  }
}
