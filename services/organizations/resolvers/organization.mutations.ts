import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { unauthenticated } from '../../platform/errors';
import { Organization, VerificationStatus } from '../entities/organization.entity';
import { Loaders, memberId } from '../loaders';
import { addMember, removeMember } from '../membership-writes';
import { registerOrganization, setVerification, updateOrganization } from '../organization-writes';
import { OrganizationInput, OrganizationUpdateInput } from './organization.input';

/** The caller's id as memberships and the history store it. */
function callerId(ctx: Context<Loaders>): string {
  const userId = memberId(ctx.viewer);
  if (!userId) throw unauthenticated('The token names no user account; sign in again.');
  return userId;
}

/** What this request cached about who sees and who belongs to `organization` no longer holds after a change of members. */
function forgetMemberships(ctx: Context<Loaders>, organization: Organization, ...userIds: string[]): void {
  ctx.loaders.visibility.reset();
  for (const userId of userIds) ctx.loaders.visibleMembershipsByUser.clear(userId);
  ctx.loaders.membersByOrganization.clear(organization.id);
}

@Resolver()
export class OrganizationMutations {
  @Authorized()
  @Mutation(() => Organization, {
    description:
      'Registers an organization, PENDING until the Secretariat verifies it; the caller becomes its member. Any signed-in user. ' +
      'A name its country has already (ignoring case, accents and spacing) is BAD_USER_INPUT naming the existing organization.',
  })
  async registerOrganization(
    @Arg('input', () => OrganizationInput, { description: 'The organization; its name and country are required.' })
    input: OrganizationInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Organization> {
    const userId = callerId(ctx);
    const organization = await registerOrganization(ctx.db, userId, input);
    forgetMemberships(ctx, organization, userId);
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
    const organization = await setVerification(ctx.db, callerId(ctx), id, status);
    ctx.loaders.organization.clear(organization.id).prime(organization.id, organization);
    return organization;
  }

  @Authorized()
  @Mutation(() => Organization, {
    description:
      "Changes an organization's profile: a field left out stays, null clears a nullable one. Its members and the Secretariat, " +
      'whatever its status; a VERIFIED organization stays VERIFIED. A name its country has already is BAD_USER_INPUT.',
  })
  async updateOrganization(
    @Arg('id', () => ID, { description: 'The organization.' }) id: string,
    @Arg('input', () => OrganizationUpdateInput, { description: 'The fields to change.' }) input: OrganizationUpdateInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Organization> {
    const organization = await updateOrganization(ctx, callerId(ctx), id, input);
    ctx.loaders.organization.clear(organization.id).prime(organization.id, organization);
    ctx.loaders.countriesServed.clear(organization.id);
    return organization;
  }

  @Authorized()
  @Mutation(() => Organization, {
    description:
      'Makes a signed-up user a member of the organization, by the e-mail of their account (NOT_FOUND when none has it). ' +
      'A member or the Secretariat; adding a member again changes nothing.',
  })
  async addMember(
    @Arg('organizationId', () => ID, { description: 'The organization.' }) organizationId: string,
    @Arg('email', () => String, { description: 'The e-mail the user signed up with.' }) email: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Organization> {
    const organization = await addMember(ctx, callerId(ctx), organizationId, email);
    forgetMemberships(ctx, organization);
    return organization;
  }

  @Authorized()
  @Mutation(() => Organization, {
    description:
      'Removes a member: any member (oneself included) or the Secretariat. The last member cannot leave (BAD_USER_INPUT); ' +
      'a user who is no member is NOT_FOUND.',
  })
  async removeMember(
    @Arg('organizationId', () => ID, { description: 'The organization.' }) organizationId: string,
    @Arg('userId', () => ID, { description: 'The member to remove.' }) userId: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Organization> {
    const caller = callerId(ctx);
    const organization = await removeMember(ctx, caller, organizationId, userId);
    forgetMemberships(ctx, organization, caller);
    return organization;
  }
}
