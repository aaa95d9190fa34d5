import { Between, type DataSource } from 'typeorm';
import type { FeedDefinition } from '../kit/feed';
import type { Viewer } from '../platform/auth';
import { badInput } from '../platform/errors';
import { ReportEvent } from './entities/report-event.entity';
import { checkFilter, countryOf } from './event-query';
import type { Loaders } from './loaders';
import type { ReportEventFilter } from './resolvers/report-event.args';
import { mayReadReport } from './visibility';

/** The arguments of `Subscription.reportEvents`. */
export interface ReportEventsArgs {
  filter?: ReportEventFilter | null;
}

/**
 * An event reaches a viewer who could read its report right after it (visibility.ts): a PUBLISHED event
 * everyone; a SUBMITTED or RETURNED one the country's authorities and the Secretariat, now and on replay.
 */
export function visibleAndMatching(viewer: Viewer | null, event: ReportEvent, filter: ReportEventFilter | null | undefined): boolean {
  if (!mayReadReport(viewer, event)) return false;
  const country = countryOf(filter);
  if (country && event.countryCode !== country) return false;
  if (filter?.period != null && event.periodId !== filter.period) return false;
  return !filter?.kinds?.length || filter.kinds.includes(event.kind);
}

/** The id of the newest event of the whole log, 0 before the first: the head the gateway reads with its feed key. */
export async function newestEventId(db: DataSource): Promise<number> {
  const [newest] = await db.getRepository(ReportEvent).find({ order: { id: 'DESC' }, take: 1 });
  return newest?.id ?? 0;
}

/** Reports submitted, returned and published, from the append-only log that events.ts writes. */
export const reportEventsFeed: FeedDefinition<ReportEvent, ReportEventsArgs, Loaders> = {
  field: 'reportEvents',
  head: newestEventId,
  read: (db, after, until, limit) =>
    db.getRepository(ReportEvent).find({ where: { id: Between(after + 1, until) }, order: { id: 'ASC' }, take: limit }),
  start: async ({ filter }, ctx) => {
    await checkFilter(ctx.db, filter);
    if (filter?.after == null) return null;
    if (!/^\d{1,15}$/.test(filter.after)) throw badInput('`after` is the id of an event, e.g. "42".', 'filter.after');
    return Number(filter.after);
  },
  visible: (event, { filter }, ctx) => visibleAndMatching(ctx.viewer, event, filter),
};
