import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { IndicatorEntry } from '../entities/indicator-entry.entity';
import { Agreement, Indicator, Practice } from '../entities/references';
import type { Loaders } from '../loaders';
import { visibleLinks } from '../linked';

@Resolver(() => IndicatorEntry)
export class IndicatorEntryResolver {
  @FieldResolver(() => Indicator, { description: 'The Annex I indicator reported on.' })
  indicator(@Root() entry: IndicatorEntry): Indicator {
    return { id: entry.indicatorId };
  }

  @FieldResolver(() => [Practice], {
    nullable: true,
    description: 'Practices that show the progress, those the viewer may see (one under review is left out for most).',
  })
  async practices(@Root() entry: IndicatorEntry, @Ctx() ctx: Context<Loaders>): Promise<Practice[]> {
    return (await visibleLinks(ctx, 'practices', entry.practiceIds)).map((id) => ({ id }));
  }

  @FieldResolver(() => [Agreement], {
    nullable: true,
    description: 'Agreements that show the progress, those the viewer may see (a DRAFT is left out for most).',
  })
  async agreements(@Root() entry: IndicatorEntry, @Ctx() ctx: Context<Loaders>): Promise<Agreement[]> {
    return (await visibleLinks(ctx, 'agreements', entry.agreementIds)).map((id) => ({ id }));
  }
}
