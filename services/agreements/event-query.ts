import type { DataSource } from 'typeorm';
import { eventsAfter, newestEventId } from '../kit/feed';
import { normalizeCountryCode } from '../kit/countries';
import type { Viewer } from '../platform/auth';
import { badInput } from '../platform/errors';
import { AgreementEvent } from './entities/agreement-event.entity';
import type { AgreementEventFilter } from './resolvers/agreement-event.args';
import { eventsSql, partyCountryPattern } from './visibility';

/** The filter's country as an ISO code; BAD_USER_INPUT when it names no Member State. */
export function countryOf(filter: AgreementEventFilter | null | undefined): string | null {
  if (!filter?.country) return null;
  const country = normalizeCountryCode(filter.country);
  if (!country) throw badInput(`"${filter.country.slice(0, 10)}" is not the ISO code of an OAS Member State.`, 'filter.country');
  return country;
}

/** The events the viewer may see (visibility.ts, eventsSql), and of them those matching `filter` when given. */
function visibleEventsQuery(db: DataSource, viewer: Viewer | null, filter: AgreementEventFilter | null | undefined) {
  const query = db.getRepository(AgreementEvent).createQueryBuilder('e');
  const visible = eventsSql(viewer, 'e');
  if (visible) query.andWhere(visible.sql, visible.parameters);
  const country = countryOf(filter);
  if (country) query.andWhere('e.party_countries LIKE :filterParty', { filterParty: partyCountryPattern(country) });
  if (filter?.kinds?.length) query.andWhere('e.kind IN (:...filterKinds)', { filterKinds: filter.kinds });
  return query;
}

/** The events after `after` that the viewer may see and that match `filter`, oldest first, at most `limit` (kit/feed.ts). */
export function visibleEventsAfter(
  db: DataSource,
  viewer: Viewer | null,
  filter: AgreementEventFilter | null | undefined,
  after: number,
  limit: number,
): Promise<AgreementEvent[]> {
  return eventsAfter(visibleEventsQuery(db, viewer, filter), after, limit);
}

/** The id of the newest event the viewer may see; 0 before the first (kit/feed.ts). */
export function newestVisibleEventId(db: DataSource, viewer: Viewer | null): Promise<number> {
  return newestEventId(visibleEventsQuery(db, viewer, null));
}
