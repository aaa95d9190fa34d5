import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { archiveAuthority, createAuthority, designateContactPoint, updateAuthority } from '../authority-writes';
import { Country } from '../entities/country.entity';
import { NationalAuthority } from '../entities/national-authority.entity';
import type { Loaders } from '../loaders';
import { AuthorityInput, AuthorityUpdateInput } from './authority.input';

const WHO = 'SECRETARIAT anywhere, an AUTHORITY in its own country.';

@Resolver()
export class AuthorityMutations {
  @Authorized('SECRETARIAT', 'AUTHORITY')
  @Mutation(() => NationalAuthority, { description: `Adds a national authority to the directory of its country. ${WHO}` })
  createAuthority(
    @Arg('input', () => AuthorityInput, { description: 'The authority; country, name and competences are required.' })
    input: AuthorityInput,
    @Ctx() { db, viewer }: Context<Loaders>,
  ): Promise<NationalAuthority> {
    return createAuthority(db, viewer, input);
  }

  @Authorized('SECRETARIAT', 'AUTHORITY')
  @Mutation(() => NationalAuthority, {
    description: `Changes a national authority: a field left out stays, null clears a nullable one. Not an archived one. ${WHO}`,
  })
  async updateAuthority(
    @Arg('id', () => ID, { description: 'The authority.' }) id: string,
    @Arg('input', () => AuthorityUpdateInput, { description: 'The fields to change.' }) input: AuthorityUpdateInput,
    @Ctx() { db, viewer, loaders }: Context<Loaders>,
  ): Promise<NationalAuthority> {
    const authority = await updateAuthority(db, viewer, id, input);
    loaders.authority.clear(authority.id).prime(authority.id, authority);
    return authority;
  }

  @Authorized('SECRETARIAT', 'AUTHORITY')
  @Mutation(() => NationalAuthority, {
    description: `Archives a national authority: it leaves the lists and search, stops being the contact point, and stays resolvable by id. ${WHO}`,
  })
  async archiveAuthority(
    @Arg('id', () => ID, { description: 'The authority.' }) id: string,
    @Ctx() { db, viewer, loaders }: Context<Loaders>,
  ): Promise<NationalAuthority> {
    const authority = await archiveAuthority(db, viewer, id);
    loaders.authority.clear(authority.id).prime(authority.id, authority);
    loaders.contactPointsByCountry.clear(authority.countryCode);
    return authority;
  }

  @Authorized('SECRETARIAT', 'AUTHORITY')
  @Mutation(() => Country, {
    description: `Designates a country's national contact point; the previous one loses the status in the same transaction. ${WHO}`,
  })
  async designateContactPoint(
    @Arg('country', () => ID, { description: 'ISO code of the Member State (any case).' }) country: string,
    @Arg('authorityId', () => ID, { description: 'An authority of that country, not archived.' }) authorityId: string,
    @Ctx() { db, viewer, loaders }: Context<Loaders>,
  ): Promise<Country> {
    const code = await designateContactPoint(db, viewer, country, authorityId);
    loaders.contactPointsByCountry.clear(code);
    loaders.authority.clearAll();
    return (await loaders.country.load(code))!;
  }
}
