import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { normalizeCountryCode } from '../../kit/countries';
import { badInput, notFound, unauthenticated } from '../../platform/errors';
import { newId, UUID_PATTERN } from '../../kit/ids';
import { inTransaction } from '../../kit/transaction';
import { Membership } from '../entities/membership.entity';
import { OrganizationCountry } from '../entities/organization-country.entity';
import { Organization, VerificationStatus } from '../entities/organization.entity';
import { Loaders, memberId } from '../loaders';
import { unique } from '../service-writes';
import { OrganizationInput } from './organization.input';

/** Validated by IsMemberState before the resolver runs. */
const memberState = (code: string): string => normalizeCountryCode(code)!;

@Resolver()
export class OrganizationMutations {
  @Authorized()
  @Mutation(() => Organization, {
    description:
      'Registers an organization, PENDING until the Secretariat verifies it; the caller becomes its member. ' +
      'Any signed-in user.',
  })
  async registerOrganization(
    @Arg('input', () => OrganizationInput, { description: 'The organization; its name and country are required.' })
    input: OrganizationInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Organization> {
    const userId = memberId(ctx.viewer);
    if (!userId) throw unauthenticated('The token names no user account; sign in again.');
    const country = memberState(input.country);
    const served = unique([country, ...(input.countriesServed ?? []).map(memberState)]).sort();
    const organization = Object.assign(new Organization(), {
      id: newId(),
      name: input.name,
      kind: input.kind,
      countryCode: country,
      description: input.description ?? null,
      website: input.website ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      status: VerificationStatus.PENDING,
      isDemo: false,
    });
    await inTransaction(ctx.db, async (manager) => {
      await manager.insert(Organization, organization);
      await manager.insert(
        OrganizationCountry,
        served.map((countryCode) => Object.assign(new OrganizationCountry(), { organizationId: organization.id, countryCode })),
      );
      await manager.insert(Membership, Object.assign(new Membership(), { userId, organizationId: organization.id, createdAt: new Date() }));
    });
    // The caller now sees the organization (a member): what this request cached before no longer holds.
    ctx.loaders.visibility.reset();
    ctx.loaders.membershipsByUser.clear(userId);
    return organization;
  }

  @Authorized('SECRETARIAT')
  @Mutation(() => Organization, {
    description: 'Verifies (VERIFIED) or suspends (SUSPENDED) an organization: only VERIFIED ones are public. SECRETARIAT only.',
  })
  async verifyOrganization(
    @Arg('id', () => ID, { description: 'The organization.' }) id: string,
    @Arg('status', () => VerificationStatus, { description: 'VERIFIED or SUSPENDED.' }) status: VerificationStatus,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Organization> {
    if (status === VerificationStatus.PENDING) {
      throw badInput('status must be VERIFIED or SUSPENDED: an organization is PENDING only until its first decision.', 'status');
    }
    const missing = () => notFound('No organization with this id.');
    if (!UUID_PATTERN.test(id)) throw missing();
    const key = id.toLowerCase();
    const organization = await inTransaction(ctx.db, async (manager) => {
      const row = await manager.findOneBy(Organization, { id: key });
      if (!row) throw missing();
      await manager.update(Organization, { id: key }, { status });
      return Object.assign(row, { status });
    });
    ctx.loaders.organization.clear(key).prime(key, organization);
    return organization;
  }
}
