import type { DataSource } from 'typeorm';
import { eventsAfter, newestEventId } from '../kit/feed';
import { countryFilter } from '../kit/validation';
import type { Viewer } from '../platform/auth';
import { badInput } from '../platform/errors';
import { ReportEvent } from './entities/report-event.entity';
import { ReportingPeriod } from './entities/reporting-period.entity';
import type { ReportEventFilter } from './resolvers/report-event.args';
import { reportVisibility } from './visibility';

/** The filter's country as an ISO code; BAD_USER_INPUT when it names no Member State. */
export const countryOf = (filter: ReportEventFilter | null | undefined): string | null => countryFilter(filter?.country, 'filter.country');

/** Refuses, with BAD_USER_INPUT, a filter that names a country or a period that does not exist: it could match nothing. */
export async function checkFilter(db: DataSource, filter: ReportEventFilter | null | undefined): Promise<void> {
  countryOf(filter);
  if (filter?.period == null) return;
  if (!(await db.getRepository(ReportingPeriod).existsBy({ id: filter.period }))) {
    throw badInput(`There is no reporting period "${filter.period.slice(0, 40)}".`, 'filter.period');
  }
}

/** The events the viewer may see (the rule of the reports, on the status each event recorded), matching `filter` when given. */
function visibleEventsQuery(db: DataSource, viewer: Viewer | null, filter: ReportEventFilter | null | undefined) {
  const query = db.getRepository(ReportEvent).createQueryBuilder('e');
  const visible = reportVisibility(viewer).sql('e');
  if (visible) query.andWhere(visible.sql, visible.parameters);
  const country = countryOf(filter);
  if (country) query.andWhere('e.country_code = :filterCountry', { filterCountry: country });
  if (filter?.period != null) query.andWhere('e.period_id = :filterPeriod', { filterPeriod: filter.period });
  if (filter?.kinds?.length) query.andWhere('e.kind IN (:...filterKinds)', { filterKinds: filter.kinds });
  return query;
}

/** The events after `after` that the viewer may see and that match `filter`, oldest first, at most `limit` (kit/feed.ts). */
export function visibleEventsAfter(
  db: DataSource,
  viewer: Viewer | null,
  filter: ReportEventFilter | null | undefined,
  after: number,
  limit: number,
): Promise<ReportEvent[]> {
  return eventsAfter(visibleEventsQuery(db, viewer, filter), after, limit);
}

/** The id of the newest event the viewer may see; 0 before the first (kit/feed.ts). */
export function newestVisibleEventId(db: DataSource, viewer: Viewer | null): Promise<number> {
  return newestEventId(visibleEventsQuery(db, viewer, null));
}
