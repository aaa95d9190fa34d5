import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { paginate, paginateByKeys } from '../../kit/keyset';
import { applySearch } from '../../kit/search';
import { countryFilter, searchTerm } from '../../kit/validation';
import { Country } from '../entities/country.reference';
import { Organization } from '../entities/organization.entity';
import { Service } from '../entities/service.entity';
import type { Loaders } from '../loaders';
import { ORGANIZATIONS_INDEX } from '../search-indexes';
import { canSeeOrganization, visibleOrganizationsSql } from '../visibility';
import { findOrganization } from './lookup';
import { OrganizationConnection, OrganizationsArgs } from './organization.args';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, {
    description:
      'The directory of civil-society organizations, by name (by relevance with filter.search): VERIFIED ones, and those the viewer is a member of; ' +
      'every status for the Secretariat.',
  })
  async organizations(@Args() { filter, ...page }: OrganizationsArgs, @Ctx() { db, loaders }: Context<Loaders>) {
    const query = db.getRepository(Organization).createQueryBuilder('o');
    const country = countryFilter(filter?.country);
    const search = searchTerm(filter?.search);
    const visible = visibleOrganizationsSql(await loaders.visibility(), 'o.id', 'o.status');
    query.where(visible.sql, visible.parameters);
    // A status the viewer may not see leaves nothing, rather than an error that would reveal it exists.
    if (filter?.status) query.andWhere('o.status = :status', { status: filter.status });
    if (country) {
      const serves = 'SELECT 1 FROM organization_countries oc WHERE oc.organization_id = o.id AND oc.country_code = :country';
      query.andWhere(`(o.country_code = :country OR EXISTS (${serves}))`, { country });
    }
    if (filter?.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (search) return paginateByKeys(query, page, applySearch(query, ORGANIZATIONS_INDEX, search, 'name'));
    return paginate(query, page, { column: 'name', property: 'name' });
  }

  @Query(() => Organization, { nullable: true, description: 'An organization by id; null when none or the viewer may not see it.' })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: Context<Loaders>): Promise<Organization | null> {
    return findOrganization(ctx, id);
  }

  @FieldResolver(() => Country, { description: 'The country the organization is based in.' })
  country(@Root() organization: Organization): Country {
    return { code: organization.countryCode };
  }

  @FieldResolver(() => [Country], { description: 'The countries it works in, its own included, by code.' })
  async countriesServed(@Root() organization: Organization, @Ctx() { loaders }: Context<Loaders>): Promise<Country[]> {
    const rows = await loaders.countriesServed.load(organization.id);
    return rows.map((row) => ({ code: row.countryCode }));
  }

  @FieldResolver(() => [Service], { description: 'The services it offers, by name.' })
  async services(@Root() organization: Organization, @Ctx() { loaders }: Context<Loaders>): Promise<Service[]> {
    const visible = canSeeOrganization(await loaders.visibility(), organization);
    return visible ? loaders.servicesByOrganization.load(organization.id) : [];
  }
}
