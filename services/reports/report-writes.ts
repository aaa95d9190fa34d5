import type { DataSource, EntityManager } from 'typeorm';
import { newId } from '../kit/ids';
import { inTransaction, isUniqueViolation } from '../kit/transaction';
import type { Viewer } from '../platform/auth';
import { badInput } from '../platform/errors';
import { assertMayMove, type Move } from './access';
import { CountryReport, ReportStatus } from './entities/country-report.entity';
import { IndicatorEntry, Progress } from './entities/indicator-entry.entity';
import { ReportChangeKind } from './entities/report-change.entity';
import { ReportEventKind } from './entities/report-event.entity';
import { recordReportEvent } from './events';
import { changed, recordChange } from './history';
import { lockedReport, lockedReportOf } from './report-rows';

/** One indicator's entry as saved: checked field by field (IndicatorEntryInput), its indicator known, its links seen. */
export interface EntrySubmission {
  indicatorId: string;
  progress: Progress;
  narrative?: string | null;
  evidence?: string[] | null;
  practiceIds?: string[] | null;
  agreementIds?: string[] | null;
}

/** An entry's columns, and the entry as the history compares it, its fields named as the IndicatorEntry type names them. */
type EntryColumns = Pick<IndicatorEntry, 'progress' | 'narrative' | 'evidence' | 'practiceIds' | 'agreementIds'>;
interface EntryRecord {
  progress: Progress;
  narrative: string | null;
  evidence: string[];
  practices: string[];
  agreements: string[];
}
const ENTRY_TRACKED = ['progress', 'narrative', 'evidence', 'practices', 'agreements'] as const;

/** Distinct, in first-seen order; ids in lower case as they are stored. */
const distinct = (values: readonly string[] | null | undefined): string[] => [...new Set(values ?? [])];
export const linkedIds = (ids: readonly string[] | null | undefined): string[] => distinct(ids?.map((id) => id.toLowerCase()));

const recordOf = (entry: EntryColumns): EntryRecord => ({
  progress: entry.progress,
  narrative: entry.narrative,
  evidence: entry.evidence,
  practices: entry.practiceIds,
  agreements: entry.agreementIds,
});

/**
 * Saves one indicator's entry of a country's report for a period, in one transaction: the report is created
 * DRAFT with its first entry; an entry saved again is replaced; only while DRAFT or RETURNED. The caller
 * checked who may (access.ts), the period and the indicator. Saving what is there already writes nothing.
 */
export async function saveIndicatorEntry(
  db: DataSource,
  viewer: Viewer,
  target: { countryCode: string; periodId: string },
  input: EntrySubmission,
): Promise<CountryReport> {
  try {
    return await saveEntryOnce(db, viewer, target, input);
  } catch (error) {
    // Two first entries at once on MySQL: the unique key (country, period) let one create the report; the other saves into it.
    if (!isUniqueViolation(error)) throw error;
    return saveEntryOnce(db, viewer, target, input);
  }
}

function saveEntryOnce(
  db: DataSource,
  viewer: Viewer,
  target: { countryCode: string; periodId: string },
  input: EntrySubmission,
): Promise<CountryReport> {
  return inTransaction(db, async (manager) => {
    const now = new Date();
    let report = await lockedReportOf(manager, target.countryCode, target.periodId);
    if (report) assertMayMove('saveIndicatorEntry', report.status, 'period');
    else {
      report = Object.assign(new CountryReport(), {
        id: newId(),
        countryCode: target.countryCode,
        periodId: target.periodId,
        status: ReportStatus.DRAFT,
        returnNote: null,
        submittedAt: null,
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
        isDemo: false,
      });
      await manager.insert(CountryReport, report);
    }
    const key = { reportId: report.id, indicatorId: input.indicatorId };
    const existing = await manager.findOneBy(IndicatorEntry, key);
    const after: EntryColumns = {
      progress: input.progress,
      narrative: input.narrative?.trim() ? input.narrative : null,
      evidence: distinct(input.evidence?.map((link) => link.trim())),
      practiceIds: linkedIds(input.practiceIds),
      agreementIds: linkedIds(input.agreementIds),
    };
    const fields = changed(ENTRY_TRACKED, existing ? recordOf(existing) : null, recordOf(after), `entries[${input.indicatorId}].`);
    if (fields.length === 0) return report;
    if (existing) await manager.update(IndicatorEntry, key, { ...after, updatedAt: now });
    else await manager.insert(IndicatorEntry, { ...key, ...after, updatedAt: now });
    await manager.update(CountryReport, { id: report.id }, { updatedAt: now });
    report.updatedAt = now;
    await recordChange(manager, {
      kind: ReportChangeKind.ENTRY_SAVED,
      subjectId: report.id,
      countryCode: report.countryCode,
      userId: viewer.id,
      at: now,
      fields,
    });
    return report;
  });
}

/** A report as the history of its moves compares it. */
type StatusRecord = Pick<CountryReport, 'status' | 'returnNote' | 'submittedAt' | 'publishedAt'>;
const STATUS_TRACKED = ['status', 'returnNote', 'submittedAt', 'publishedAt'] as const;

const MOVED_TO: Record<Exclude<Move, 'saveIndicatorEntry'>, { status: ReportStatus; kind: ReportChangeKind; event: ReportEventKind }> = {
  submitReport: { status: ReportStatus.SUBMITTED, kind: ReportChangeKind.SUBMITTED, event: ReportEventKind.SUBMITTED },
  returnReport: { status: ReportStatus.RETURNED, kind: ReportChangeKind.RETURNED, event: ReportEventKind.RETURNED },
  publishReport: { status: ReportStatus.PUBLISHED, kind: ReportChangeKind.PUBLISHED, event: ReportEventKind.PUBLISHED },
};

/**
 * Moves a report along the cycle (access.ts: from which statuses), and records it in the history and in
 * the feed of publications (events.ts), in one transaction.
 * `locate` reads the report locked; `check` refuses what the status alone does not (an empty report).
 */
async function move(
  db: DataSource,
  viewer: Viewer,
  name: Exclude<Move, 'saveIndicatorEntry'>,
  locate: (manager: EntityManager) => Promise<CountryReport>,
  changes: (now: Date) => Partial<StatusRecord>,
  field: string,
): Promise<CountryReport> {
  return inTransaction(db, async (manager) => {
    const report = await locate(manager);
    assertMayMove(name, report.status, field);
    const now = new Date();
    const before: StatusRecord = {
      status: report.status,
      returnNote: report.returnNote,
      submittedAt: report.submittedAt,
      publishedAt: report.publishedAt,
    };
    const update = { status: MOVED_TO[name].status, ...changes(now), updatedAt: now };
    await manager.update(CountryReport, { id: report.id }, update);
    Object.assign(report, update);
    await recordChange(manager, {
      kind: MOVED_TO[name].kind,
      subjectId: report.id,
      countryCode: report.countryCode,
      userId: viewer.id,
      at: now,
      fields: changed(STATUS_TRACKED, before, { ...before, ...update }),
    });
    await recordReportEvent(manager, {
      kind: MOVED_TO[name].event,
      reportId: report.id,
      countryCode: report.countryCode,
      periodId: report.periodId,
      status: report.status,
      at: now,
    });
    return report;
  });
}

/** DRAFT or RETURNED → SUBMITTED, with at least one entry. The Secretariat's note stays until it reviews the report again. */
export function submitReport(db: DataSource, viewer: Viewer, target: { countryCode: string; periodId: string }): Promise<CountryReport> {
  return move(
    db,
    viewer,
    'submitReport',
    async (manager) => {
      const report = await lockedReportOf(manager, target.countryCode, target.periodId);
      if (!report || (await manager.countBy(IndicatorEntry, { reportId: report.id })) === 0) {
        throw badInput(
          `${target.countryCode} has no entry in its report for ${target.periodId} yet: save at least one (saveIndicatorEntry) before submitting.`,
          'period',
        );
      }
      return report;
    },
    (now) => ({ submittedAt: now }),
    'period',
  );
}

/** The longest note a return may give, trimmed. */
export const MAX_RETURN_NOTE_LENGTH = 2000;

/** SUBMITTED (or PUBLISHED, for a correction) → RETURNED with a note the country's authorities read. */
export function returnReport(db: DataSource, viewer: Viewer, id: string, note: string): Promise<CountryReport> {
  const trimmed = note.trim();
  if (trimmed.length < 1 || trimmed.length > MAX_RETURN_NOTE_LENGTH) {
    throw badInput(`note must have 1 to ${MAX_RETURN_NOTE_LENGTH} characters once trimmed.`, 'note');
  }
  return move(
    db,
    viewer,
    'returnReport',
    (manager) => lockedReport(manager, id),
    () => ({ returnNote: trimmed }),
    'id',
  );
}

/** SUBMITTED → PUBLISHED: public from now on; the note of an earlier return has served. */
export const publishReport = (db: DataSource, viewer: Viewer, id: string): Promise<CountryReport> =>
  move(
    db,
    viewer,
    'publishReport',
    (manager) => lockedReport(manager, id),
    (now) => ({ publishedAt: now, returnNote: null }),
    'id',
  );
