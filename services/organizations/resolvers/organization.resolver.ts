import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { paginateList } from '../../kit/keyset';
import { FirstArg, pageSize } from '../../kit/pagination';
import { e164, internationalFormat } from '../../kit/phone';
import { managesOrganization } from '../access';
import { Country, User } from '../entities/references';
import { Organization } from '../entities/organization.entity';
import { Service } from '../entities/service.entity';
import type { Loaders } from '../loaders';
import { organizationReference } from '../lookups';
import { organizationCriteria, organizationsQuery } from '../organization-query';
import { seesArchivedServices } from '../visibility';
import { OrganizationConnection, OrganizationsArgs } from './organization.args';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, {
    nullable: true,
    description:
      'The directory of civil-society organizations, by name (by relevance with filter.search): VERIFIED ones, and those the viewer is a member of; ' +
      'every status for the Secretariat.',
  })
  async organizations(@Args() { filter, ...page }: OrganizationsArgs, @Ctx() { db, loaders }: Context<Loaders>) {
    const criteria = organizationCriteria(filter);
    return paginateList(organizationsQuery(db, criteria, (await loaders.visibility()).organizations), page);
  }

  @Query(() => Organization, { nullable: true, description: 'An organization by id; null when none or the viewer may not see it.' })
  organization(
    @Arg('id', () => ID, { description: 'The id of the organization (UUID).' }) id: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Organization | null> {
    return organizationReference.find(ctx, id);
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

  @FieldResolver(() => [Service], {
    description: 'The services it offers, by name: active ones; its members and the Secretariat also see archived ones (archived: true).',
  })
  async services(
    @Root() organization: Organization,
    @FirstArg() first: number | null,
    @Ctx() { loaders }: Context<Loaders>,
  ): Promise<Service[]> {
    const visibility = await loaders.visibility();
    if (!(await visibility.organizations.canSee(organization))) return [];
    const withArchived = seesArchivedServices(visibility.scope, organization.id);
    return loaders.servicesByOrganization({ first: pageSize(first), withArchived }).load(organization.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Public contact phone in international format, e.g. +502 2222 3333.' })
  phone(@Root() organization: Organization): string | null {
    const { phone } = organization;
    // A number stored before phones were checked is answered as it was typed.
    return phone === null || e164(phone) !== phone ? phone : internationalFormat(phone);
  }

  @FieldResolver(() => [User], {
    nullable: true,
    description:
      'Its members, longest-standing first: for its members and the Secretariat; null for anyone else. Only the Secretariat ' +
      "reads the members' names and e-mails (accounts shows an account to its owner and the Secretariat): a member reads their ids.",
  })
  async members(
    @Root() organization: Organization,
    @FirstArg() first: number | null,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<User[] | null> {
    const size = pageSize(first);
    if (!(await managesOrganization(ctx, organization.id))) return null;
    const memberships = await ctx.loaders.membersByOrganization(size).load(organization.id);
    return memberships.map((m) => ({ id: m.userId }));
  }
}
