import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { Population } from '../../kit/enums';
import { paginateList } from '../../kit/keyset';
import { Country, Guideline, NationalAuthority, Organization } from '../entities/references';
import { Practice } from '../entities/practice.entity';
import type { Loaders } from '../loaders';
import { visibleLinks } from '../linked';
import { practiceReference } from '../lookups';
import { practiceCriteria, practicesQuery } from '../practice-query';
import { readsReviewNote } from '../visibility';
import { PracticeConnection, PracticesArgs } from './practice.args';

@Resolver(() => Practice)
export class PracticeResolver {
  @Query(() => PracticeConnection, {
    nullable: true,
    description:
      'The library of published practices, by title (by relevance with filter.search); with them, those under review the viewer submitted ' +
      '(and every status for the Secretariat).',
  })
  async practices(@Args() { filter, ...page }: PracticesArgs, @Ctx() { db, loaders }: Context<Loaders>): Promise<PracticeConnection> {
    const criteria = practiceCriteria(filter);
    return paginateList(practicesQuery(db, criteria, await loaders.visibility()), page);
  }

  @Query(() => Practice, {
    nullable: true,
    description: 'A practice by id; null when none, or one under review that the viewer neither submitted nor may review.',
  })
  practice(
    @Arg('id', () => ID, { description: 'The id of the practice (UUID).' }) id: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Practice | null> {
    return practiceReference.find(ctx, id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Why the Secretariat rejected the practice, kept until its next review; null for anyone but its submitter and the Secretariat.',
  })
  reviewNote(@Root() practice: Practice, @Ctx() { viewer }: Context<Loaders>): string | null {
    return readsReviewNote(viewer, practice) ? practice.reviewNote : null;
  }

  @FieldResolver(() => [Country], { description: 'The countries where the practice took place, by code.' })
  async countries(@Root() practice: Practice, @Ctx() { loaders }: Context<Loaders>): Promise<Country[]> {
    const links = await loaders.countriesOfPractice.load(practice.id);
    return links.map((link) => ({ code: link.countryCode }));
  }

  @FieldResolver(() => [Guideline], { description: 'The Work Plan guidelines the practice implements, by number.' })
  async guidelines(@Root() practice: Practice, @Ctx() { loaders }: Context<Loaders>): Promise<Guideline[]> {
    const links = await loaders.guidelinesOfPractice.load(practice.id);
    return links.map((link) => ({ number: link.guidelineNumber }));
  }

  @FieldResolver(() => [Population], { description: 'The populations the practice is meant for.' })
  async populations(@Root() practice: Practice, @Ctx() { loaders }: Context<Loaders>): Promise<Population[]> {
    const links = await loaders.populationsOfPractice.load(practice.id);
    return links.map((link) => link.population);
  }

  @FieldResolver(() => [Organization], {
    description:
      'The civil-society organizations that carried it out, those the viewer may see: one not VERIFIED is left out ' +
      'unless the viewer is its member or the Secretariat.',
  })
  async organizations(@Root() practice: Practice, @Ctx() ctx: Context<Loaders>): Promise<Organization[]> {
    const links = await ctx.loaders.organizationsOfPractice.load(practice.id);
    const ids = await visibleLinks(
      ctx,
      'organizations',
      links.map((link) => link.organizationId),
    );
    return ids.map((id) => ({ id }));
  }

  @FieldResolver(() => [NationalAuthority], { description: 'The national authorities that carried it out (those the directory holds).' })
  async authorities(@Root() practice: Practice, @Ctx() ctx: Context<Loaders>): Promise<NationalAuthority[]> {
    const links = await ctx.loaders.authoritiesOfPractice.load(practice.id);
    const ids = await visibleLinks(
      ctx,
      'authorities',
      links.map((link) => link.authorityId),
    );
    return ids.map((id) => ({ id }));
  }
}
