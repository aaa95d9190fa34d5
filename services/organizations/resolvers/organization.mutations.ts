import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { unauthenticated } from '../../platform/errors';
import { Organization, VerificationStatus } from '../entities/organization.entity';
import { Loaders, memberId } from '../loaders';
import { registerOrganization, setVerification } from '../organization-writes';
import { OrganizationInput } from './organization.input';

@Resolver()
export class OrganizationMutations {
  @Authorized()
  @Mutation(() => Organization, {
    description:
      'Registers an organization, PENDING until the Secretariat verifies it; the caller becomes its member. ' + 'Any signed-in user.',
  })
  async registerOrganization(
    @Arg('input', () => OrganizationInput, { description: 'The organization; its name and country are required.' })
    input: OrganizationInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Organization> {
    const userId = memberId(ctx.viewer);
    if (!userId) throw unauthenticated('The token names no user account; sign in again.');
    const organization = await registerOrganization(ctx.db, userId, input);
    // The caller now sees the organization (a member): what this request cached before no longer holds.
    ctx.loaders.visibility.reset();
    ctx.loaders.visibleMembershipsByUser.clear(userId);
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
    const organization = await setVerification(ctx.db, id, status);
    ctx.loaders.organization.clear(organization.id).prime(organization.id, organization);
    return organization;
  }
}
