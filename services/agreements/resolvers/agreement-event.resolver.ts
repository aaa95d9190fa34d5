import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../kit/context';
import { gatewayOnly } from '../../kit/feed';
import { pageSize } from '../../kit/pagination';
import { MAX_PAGE_SIZE } from '../../platform/limits';
import { Agreement } from '../entities/agreement.entity';
import { Country } from '../entities/references';
import { AgreementEvent } from '../entities/agreement-event.entity';
import { newestVisibleEventId, visibleEventsAfter } from '../event-query';
import { visibleAndMatching } from '../feed';
import type { Loaders } from '../loaders';
import { AgreementEventFilter, AgreementEventLogArgs } from './agreement-event.args';

const eventId = (id: string): number | null => (/^\d{1,15}$/.test(id) ? Number(id) : null);

@Resolver(() => AgreementEvent)
export class AgreementEventResolver {
  @Query(() => AgreementEvent, {
    nullable: true,
    description: 'One event of the feed; null when unknown, not visible to the caller, or not matching `filter`.',
  })
  async agreementEvent(
    @Arg('id', () => ID, { description: 'The id of the event.' }) id: string,
    @Arg('filter', () => AgreementEventFilter, { nullable: true, description: 'Null unless the event matches.' })
    filter: AgreementEventFilter | null,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<AgreementEvent | null> {
    const key = eventId(id);
    const event = key === null ? null : await ctx.loaders.event.load(key);
    return event && visibleAndMatching(ctx.viewer, event, filter) ? event : null;
  }

  @Query(() => [AgreementEvent], {
    nullable: true,
    description: 'The events after an id, oldest first, that the caller may see: the feed over HTTP, to catch up.',
  })
  async agreementEventLog(@Args() args: AgreementEventLogArgs, @Ctx() ctx: Context<Loaders>): Promise<AgreementEvent[]> {
    const events = await visibleEventsAfter(
      ctx.db,
      ctx.viewer,
      args.filter,
      args.after ? Number(args.after) : 0,
      pageSize(args.first ?? MAX_PAGE_SIZE),
    );
    // The rule in code as well as in SQL: an event the statement let through by mistake still never leaves.
    return events.filter((event) => visibleAndMatching(ctx.viewer, event, args.filter));
  }

  @Query(() => ID, {
    nullable: true,
    description: 'The id of the newest event of the feed that the caller may see; null before the first.',
  })
  async lastAgreementEventId(@Ctx() { db, viewer }: Context<Loaders>): Promise<string | null> {
    const newest = await newestVisibleEventId(db, viewer);
    return newest > 0 ? String(newest) : null;
  }

  @Subscription(() => AgreementEvent, {
    description:
      'New agreements, signatures and status changes, live, over graphql-ws on the gateway (ws://<gateway>/graphql); ' +
      '`filter.after` replays the events after that id first.',
    subscribe: gatewayOnly,
  })
  // The feed executes the subscription with each event as root value (services/kit/feed-protocol.ts).
  agreementEvents(
    @Root() event: AgreementEvent,
    @Arg('filter', () => AgreementEventFilter, { nullable: true, description: 'Which events to receive.' })
    _filter: AgreementEventFilter | null,
  ): AgreementEvent {
    return event;
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The country that signed, for PARTY_SIGNED; null otherwise.' })
  party(@Root() event: AgreementEvent): Country | null {
    return event.partyCountry ? { code: event.partyCountry } : null;
  }

  @FieldResolver(() => Agreement, { description: 'The agreement as it is now (status and previousStatus tell what it was then).' })
  async agreement(@Root() event: AgreementEvent, @Ctx() { loaders }: Context<Loaders>): Promise<Agreement> {
    const agreement = await loaders.agreement.load(event.agreementId);
    if (!agreement) throw new Error(`event ${event.id} refers to a missing agreement ${event.agreementId}`);
    return agreement;
  }
}
