import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { badInput, notFound } from '../../platform/errors';
import { newId, UUID_PATTERN } from '../../kit/ids';
import { inTransaction } from '../../kit/transaction';
import { Practice, PracticeStatus } from '../entities/practice.entity';
import {
  PracticeAuthority,
  PracticeCountry,
  PracticeGuideline,
  PracticeOrganization,
  PracticePopulation,
} from '../entities/practice-links.entity';
import type { Loaders } from '../loaders';
import { assertMaySubmitPractice } from '../submitters';
import { PracticeInput } from './practice.input';

const DEFAULT_LANGUAGE = 'spa';

/** Distinct values, in first-seen order. */
const distinct = <T>(values: readonly T[] | null | undefined): T[] => [...new Set(values ?? [])];

/** Now, to the second: MySQL DATETIME keeps no fraction, so both stores answer the same instant. */
const nowToTheSecond = (): Date => new Date(Math.floor(Date.now() / 1000) * 1000);

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
    const practice = Object.assign(new Practice(), {
      id: newId(),
      title: input.title,
      summary: input.summary,
      body: input.body ?? null,
      pillar: input.pillar,
      status: PracticeStatus.SUBMITTED,
      year: input.year ?? null,
      language: input.language ?? DEFAULT_LANGUAGE,
      sourceUrl: input.sourceUrl ?? null,
      createdAt: nowToTheSecond(),
      submittedBy: viewer.id,
      isDemo: false,
    });
    const practiceId = practice.id;
    const countries = distinct(input.countries.map((code) => code.trim().toUpperCase()));
    const organizations = distinct(input.organizationIds?.map((id) => id.toLowerCase()));
    const authorities = distinct(input.authorityIds?.map((id) => id.toLowerCase()));
    await inTransaction(ctx.db, async (manager) => {
      await manager.insert(Practice, practice);
      await manager.insert(PracticeCountry, countries.map((countryCode) => ({ practiceId, countryCode })));
      const guidelines = distinct(input.guidelines).map((guidelineNumber) => ({ practiceId, guidelineNumber }));
      if (guidelines.length) await manager.insert(PracticeGuideline, guidelines);
      const populations = distinct(input.populations).map((population) => ({ practiceId, population }));
      if (populations.length) await manager.insert(PracticePopulation, populations);
      if (organizations.length) {
        await manager.insert(PracticeOrganization, organizations.map((organizationId) => ({ practiceId, organizationId })));
      }
      if (authorities.length) await manager.insert(PracticeAuthority, authorities.map((authorityId) => ({ practiceId, authorityId })));
    });
    return practice;
  }

  @Authorized('SECRETARIAT')
  @Mutation(() => Practice, {
    description:
      'Publishes a SUBMITTED (or REJECTED) practice: it joins the public library (SECRETARIAT). ' +
      'Publishing a practice that is already PUBLISHED is refused with BAD_USER_INPUT.',
  })
  async publishPractice(
    @Arg('id', () => ID, { description: 'The id of the practice (UUID).' }) id: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Practice> {
    const missing = () => notFound('No practice has this id.');
    if (!UUID_PATTERN.test(id)) throw missing();
    return inTransaction(ctx.db, async (manager) => {
      const practice = await manager.findOneBy(Practice, { id: id.toLowerCase() });
      if (!practice) throw missing();
      if (practice.status === PracticeStatus.PUBLISHED) throw badInput('This practice is already PUBLISHED.', 'id');
      // Conditional on the status read: of two Secretariat officers publishing at once, one is told it is done.
      const { affected } = await manager.update(Practice, { id: practice.id, status: practice.status }, { status: PracticeStatus.PUBLISHED });
      if (affected === 0) throw badInput('This practice is already PUBLISHED.', 'id');
      practice.status = PracticeStatus.PUBLISHED;
      return practice;
    });
  }
}
