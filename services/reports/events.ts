import { In, type DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '../kit/transaction';
import { ReportEvent } from './entities/report-event.entity';

/** What one event records: the move, the report, and its status right after it. */
export type ReportEventRecord = Omit<ReportEvent, 'id'>;

/**
 * Appends one event to the feed's log; call it inside the transaction of the move it records. The id comes
 * from the sequence row, whose lock (held until commit) orders every event-writing transaction.
 */
export async function recordReportEvent(manager: EntityManager, event: ReportEventRecord): Promise<void> {
  await manager.query("UPDATE report_event_sequence SET value = value + 1 WHERE name = 'events'");
  const [{ value }] = await manager.query<{ value: number | string }[]>("SELECT value FROM report_event_sequence WHERE name = 'events'");
  await manager.insert(ReportEvent, { ...event, id: Number(value) });
}

/**
 * Appends the demo reports' events once, oldest first, unless the log holds an event of a demo report
 * already: seeding on every start must not repeat them. The first statement takes the sequence row's lock,
 * so that two processes starting at once do not both append them.
 */
export function recordDemoEvents(db: DataSource, events: ReportEventRecord[]): Promise<void> {
  return inTransaction(db, async (manager) => {
    await manager.query("UPDATE report_event_sequence SET value = value WHERE name = 'events'");
    const reportIds = [...new Set(events.map((event) => event.reportId))];
    if (reportIds.length === 0 || (await manager.existsBy(ReportEvent, { reportId: In(reportIds) }))) return;
    for (const event of events) await recordReportEvent(manager, event);
  });
}
