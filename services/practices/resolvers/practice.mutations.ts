import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Practice } from '../entities/practice.entity';
import type { Loaders } from '../loaders';
import { assertLinksExist } from '../linked';
import { linkedIds, publishPractice, submitPractice } from '../practice-writes';
import { assertMaySubmitPractice } from '../submitters';
import { PracticeInput } from './practice.input';

@Resolver(() => Practice)
export class PracticeMutationResolver {
  @Authorized()
  @Mutation(() => Practice, {
    description:
      'Submits a practice for review (a member of a VERIFIED organization, an AUTHORITY, the SECRETARIAT). ' +
      'It is SUBMITTED: read by its submitter and the Secretariat only, until the Secretariat publishes it.',
  })
  async submitPractice(
    @Arg('input', () => PracticeInput, { description: 'The practice.' }) input: PracticeInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Practice> {
    const viewer = ctx.viewer!;
    await assertMaySubmitPractice(ctx, viewer);
    await assertLinksExist(ctx, { organizations: linkedIds(input.organizationIds), authorities: linkedIds(input.authorityIds) });
    return submitPractice(ctx.db, viewer.id, input);
  }

  @Authorized('SECRETARIAT')
  @Mutation(() => Practice, {
    description:
      'Publishes a SUBMITTED (or REJECTED) practice: it joins the public library (SECRETARIAT). ' +
      'Publishing a practice that is already PUBLISHED is refused with BAD_USER_INPUT.',
  })
  publishPractice(
    @Arg('id', () => ID, { description: 'The id of the practice (UUID).' }) id: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Practice> {
    return publishPractice(ctx.db, id);
  }
}
