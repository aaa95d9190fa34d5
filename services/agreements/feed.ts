import { Between, type DataSource } from 'typeorm';
import { normalizeCountryCode } from '../kit/countries';
import type { FeedDefinition } from '../kit/feed';
import type { Viewer } from '../platform/auth';
import { badInput } from '../platform/errors';
import { AgreementEvent } from './entities/agreement-event.entity';
import type { Loaders } from './loaders';
import type { AgreementEventFilter } from './resolvers/agreement-event.args';
import { canSeeAgreement } from './visibility';

/** The arguments of `Subscription.agreementEvents`. */
export interface AgreementEventsArgs {
  filter?: AgreementEventFilter | null;
}

/** The filter's country as an ISO code; BAD_USER_INPUT when it names no Member State. */
function countryOf(filter: AgreementEventFilter | null | undefined): string | null {
  if (!filter?.country) return null;
  const country = normalizeCountryCode(filter.country);
  if (!country) throw badInput(`"${filter.country.slice(0, 10)}" is not the ISO code of an OAS Member State.`, 'filter.country');
  return country;
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

/** The id of the newest event; 0 before the first. */
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
