import { Between, type DataSource } from 'typeorm';
import type { FeedDefinition } from '../kit/feed';
import type { Viewer } from '../platform/auth';
import { badInput } from '../platform/errors';
import { AgreementEvent } from './entities/agreement-event.entity';
import { countryOf } from './event-query';
import type { Loaders } from './loaders';
import type { AgreementEventFilter } from './resolvers/agreement-event.args';
import { canSeeAgreement } from './visibility';

/** The arguments of `Subscription.agreementEvents`. */
export interface AgreementEventsArgs {
  filter?: AgreementEventFilter | null;
}

/**
 * An event reaches a viewer who could see its agreement as it was then: the events of a DRAFT only the
 * Secretariat and the authorities of the party countries, now and on replay.
 */
export function visibleAndMatching(viewer: Viewer | null, event: AgreementEvent, filter: AgreementEventFilter | null | undefined): boolean {
  if (!canSeeAgreement(viewer, event, event.partyCountries)) return false;
  const country = countryOf(filter);
  if (country && !event.partyCountries.includes(country)) return false;
  return !filter?.kinds?.length || filter.kinds.includes(event.kind);
}

/**
 * The id of the newest event of the whole log; 0 before the first. The head of the feed the gateway reads
 * with its feed key; a client is told only the newest it may see (event-query.ts).
 */
export async function newestEventId(db: DataSource): Promise<number> {
  const [newest] = await db.getRepository(AgreementEvent).find({ order: { id: 'DESC' }, take: 1 });
  return newest?.id ?? 0;
}

/** New agreements and status changes, from the append-only log that events.ts writes. */
export const agreementEventsFeed: FeedDefinition<AgreementEvent, AgreementEventsArgs, Loaders> = {
  field: 'agreementEvents',
  head: newestEventId,
  read: (db, after, until, limit) =>
    db.getRepository(AgreementEvent).find({ where: { id: Between(after + 1, until) }, order: { id: 'ASC' }, take: limit }),
  start: ({ filter }) => {
    countryOf(filter);
    if (filter?.after == null) return null;
    if (!/^\d{1,15}$/.test(filter.after)) throw badInput('`after` is the id of an event, e.g. "42".', 'filter.after');
    return Number(filter.after);
  },
  visible: (event, { filter }, ctx) => visibleAndMatching(ctx.viewer, event, filter),
};
