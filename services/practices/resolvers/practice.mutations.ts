import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { byId } from '../../kit/entity-reference';
import { Practice } from '../entities/practice.entity';
import type { Loaders } from '../loaders';
import { assertMayUpdate } from '../access';
import { assertLinksExist } from '../linked';
import { MAX_REVIEW_NOTE_LENGTH, publishPractice, rejectPractice, withdrawPractice } from '../practice-review';
import { practiceNotFound } from '../practice-rows';
import { linkedIds, submitPractice, updatePractice } from '../practice-writes';
import { assertMaySubmitPractice } from '../submitters';
import { PracticeInput, PracticeUpdateInput } from './practice.input';

const PRACTICE_ID = { description: 'The id of the practice (UUID).' };

/** The ids of `given` that the practice does not link yet: those its subgraph must show the caller. */
function added(given: readonly string[] | null | undefined, linked: readonly string[]): string[] {
  return linkedIds(given).filter((id) => !linked.includes(id));
}

@Resolver(() => Practice)
export class PracticeMutationResolver {
  @Authorized()
  @Mutation(() => Practice, {
    description:
      'Submits a practice for review (a member of a VERIFIED organization, an AUTHORITY, the SECRETARIAT). ' +
      'It is SUBMITTED: read by its submitter and the Secretariat only, until the Secretariat publishes it. ' +
      "A member's practice that names no organization is linked to their VERIFIED organizations (all of them).",
  })
  async submitPractice(
    @Arg('input', () => PracticeInput, { description: 'The practice.' }) input: PracticeInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Practice> {
    const viewer = ctx.viewer!;
    const { memberOf } = await assertMaySubmitPractice(ctx, viewer);
    await assertLinksExist(ctx, { organizations: linkedIds(input.organizationIds), authorities: linkedIds(input.authorityIds) });
    return submitPractice(ctx.db, viewer.id, input, memberOf);
  }

  @Authorized()
  @Mutation(() => Practice, {
    description:
      'Changes a practice, checked as a submission is: a field left out stays, null clears a nullable one. ' +
      'Its submitter while SUBMITTED or REJECTED (a REJECTED one is SUBMITTED again; FORBIDDEN once PUBLISHED: ask the Secretariat); ' +
      'the SECRETARIAT in any status, which it leaves as it is. Never a WITHDRAWN one (BAD_USER_INPUT).',
  })
  async updatePractice(
    @Arg('id', () => ID, PRACTICE_ID) id: string,
    @Arg('input', () => PracticeUpdateInput, { description: 'The fields to change.' }) input: PracticeUpdateInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Practice> {
    // Who may, before asking the owners of the links: a stranger learns nothing about them, and costs no request.
    const key = byId.parse(id);
    const current = key === null ? null : await ctx.loaders.practice.load(key);
    if (!current) throw practiceNotFound();
    assertMayUpdate(ctx.viewer!, current);
    if (input.organizationIds != null || input.authorityIds != null) {
      const [organizations, authorities] = await Promise.all([
        ctx.loaders.organizationsOfPractice.load(current.id),
        ctx.loaders.authoritiesOfPractice.load(current.id),
      ]);
      await assertLinksExist(ctx, {
        organizations: added(
          input.organizationIds,
          organizations.map((link) => link.organizationId),
        ),
        authorities: added(
          input.authorityIds,
          authorities.map((link) => link.authorityId),
        ),
      });
    }
    const practice = await updatePractice(ctx.db, ctx.viewer!, id, input);
    forget(ctx.loaders, practice.id);
    return practice;
  }

  @Authorized('SECRETARIAT')
  @Mutation(() => Practice, {
    description:
      'Publishes a SUBMITTED practice: it joins the public library, and the reviewNote of an earlier rejection is cleared (SECRETARIAT). ' +
      'A practice in any other status is refused with BAD_USER_INPUT.',
  })
  publishPractice(@Arg('id', () => ID, PRACTICE_ID) id: string, @Ctx() ctx: Context<Loaders>): Promise<Practice> {
    return publishPractice(ctx.db, ctx.viewer!, id);
  }

  @Authorized('SECRETARIAT')
  @Mutation(() => Practice, {
    description:
      'Rejects a SUBMITTED practice (SECRETARIAT): it is REJECTED, and the reason is its reviewNote, read by its submitter, ' +
      'who may change it and so submit it again. A practice in any other status is refused with BAD_USER_INPUT.',
  })
  rejectPractice(
    @Arg('id', () => ID, PRACTICE_ID) id: string,
    @Arg('reason', () => String, { description: `Why, for the submitter: 1 to ${MAX_REVIEW_NOTE_LENGTH} characters, stored trimmed.` })
    reason: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Practice> {
    return rejectPractice(ctx.db, ctx.viewer!, id, reason);
  }

  @Authorized()
  @Mutation(() => Practice, {
    description:
      'Withdraws a SUBMITTED, REJECTED or PUBLISHED practice for good (its submitter, the SECRETARIAT): it leaves every list ' +
      'and lookup, its submitter’s too; only the Secretariat reads it. A WITHDRAWN practice cannot change any more.',
  })
  async withdrawPractice(@Arg('id', () => ID, PRACTICE_ID) id: string, @Ctx() ctx: Context<Loaders>): Promise<Practice> {
    const practice = await withdrawPractice(ctx.db, ctx.viewer!, id);
    forget(ctx.loaders, practice.id);
    return practice;
  }
}

/** Drops what this request's loaders read of a practice before it changed. */
function forget(loaders: Loaders, id: string): void {
  loaders.practice.clear(id);
  loaders.organizationsOfPractice.clear(id);
  loaders.authoritiesOfPractice.clear(id);
}
