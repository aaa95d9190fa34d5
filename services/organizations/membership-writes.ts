import { isEmail } from 'class-validator';
import type { Context } from '../kit/context';
import { byId } from '../kit/entity-reference';
import { MAX_EMAIL_LENGTH } from '../kit/input-limits';
import { inTransaction } from '../kit/transaction';
import { badInput, notFound } from '../platform/errors';
import { assertManagesOrganization } from './access';
import { accountIdByEmail } from './accounts';
import { Membership } from './entities/membership.entity';
import { OrganizationChangeKind } from './entities/organization-change.entity';
import type { Organization } from './entities/organization.entity';
import { memberField, recordOrganizationChange } from './history';
import type { Loaders } from './loaders';
import { lockedOrganization } from './organization-writes';

const missing = () => notFound('No organization with this id.');

/** The organization, once the caller is known to manage it (access.ts); NOT_FOUND for an unknown id. */
async function managed(ctx: Context<Loaders>, organizationId: string): Promise<Organization> {
  const key = byId.parse(organizationId);
  if (key === null) throw missing();
  return assertManagesOrganization(ctx, await ctx.loaders.organization.load(key));
}

/**
 * Makes the account with this e-mail a member (a member, the Secretariat). The account is asked of accounts
 * only once the caller may manage the organization, so that no one else spends a lookup on it. Adding a
 * member again changes nothing.
 */
export async function addMember(ctx: Context<Loaders>, editorId: string, organizationId: string, email: string): Promise<Organization> {
  const organization = await managed(ctx, organizationId);
  const address = email.trim();
  if (address.length > MAX_EMAIL_LENGTH || !isEmail(address)) {
    throw badInput('email must be an e-mail address such as name@example.org.', 'email');
  }
  const userId = byId.parse(await accountIdByEmail(ctx, address))!;
  return inTransaction(ctx.db, async (manager) => {
    const row = await lockedOrganization(manager, organization.id);
    if (!row) throw missing();
    if (await manager.existsBy(Membership, { organizationId: row.id, userId })) return row;
    const at = new Date();
    await manager.insert(Membership, Object.assign(new Membership(), { userId, organizationId: row.id, createdAt: at }));
    await recordOrganizationChange(manager, {
      kind: OrganizationChangeKind.MEMBER_ADDED,
      organizationId: row.id,
      countryCode: row.countryCode,
      userId: editorId,
      at,
      fields: [memberField(userId, true)],
    });
    return row;
  });
}

/** Removes a member (any member, oneself included; the Secretariat); the last member stays (BAD_USER_INPUT). */
export async function removeMember(ctx: Context<Loaders>, editorId: string, organizationId: string, userId: string): Promise<Organization> {
  const organization = await managed(ctx, organizationId);
  const notMember = () => notFound('This user is not a member of the organization.');
  const member = byId.parse(userId);
  if (member === null) throw notMember();
  return inTransaction(ctx.db, async (manager) => {
    const row = await lockedOrganization(manager, organization.id);
    if (!row) throw missing();
    if (!(await manager.existsBy(Membership, { organizationId: row.id, userId: member }))) throw notMember();
    if ((await manager.countBy(Membership, { organizationId: row.id })) === 1) {
      throw badInput('This is the last member of the organization: add another member before this one leaves.', 'userId');
    }
    const at = new Date();
    await manager.delete(Membership, { organizationId: row.id, userId: member });
    await recordOrganizationChange(manager, {
      kind: OrganizationChangeKind.MEMBER_REMOVED,
      organizationId: row.id,
      countryCode: row.countryCode,
      userId: editorId,
      at,
      fields: [memberField(member, false)],
    });
    return row;
  });
}
