import type { DataSource } from 'typeorm';
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

/**
 * The events after `after` that the viewer may see and that match `filter`, oldest first, at most `limit`.
 * Chosen in SQL: a page is full however many hidden events lie among them, and says nothing of those.
 */
export function visibleEventsAfter(
  db: DataSource,
  viewer: Viewer | null,
  filter: AgreementEventFilter | null | undefined,
  after: number,
  limit: number,
): Promise<AgreementEvent[]> {
  return visibleEventsQuery(db, viewer, filter).andWhere('e.id > :after', { after }).orderBy('e.id', 'ASC').take(limit).getMany();
}

/**
 * The id of the newest event the viewer may see; 0 before the first. Ids have no gaps, so the newest id of
 * the whole log would tell anyone that a draft was just written. The primary key is read backwards from
 * the newest event to the first visible one.
 */
export async function newestVisibleEventId(db: DataSource, viewer: Viewer | null): Promise<number> {
  const newest = await visibleEventsQuery(db, viewer, null)
    .select('e.id', 'id')
    .orderBy('e.id', 'DESC')
    .limit(1)
    .getRawOne<{ id: number | string }>();
  return newest ? Number(newest.id) : 0;
}
