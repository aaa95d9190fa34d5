import type { Viewer } from '../platform/auth';
import { badInput, forbidden } from '../platform/errors';
import { ReportStatus } from './entities/country-report.entity';

/** The one place that says who moves a country report, and from which status to which (docs/api.md, Reports). */

/** The reporting cycle, as every refused move names it. */
export const ALLOWED_TRANSITIONS =
  'DRAFT or RETURNED → SUBMITTED (submitReport), SUBMITTED → RETURNED (returnReport), SUBMITTED → PUBLISHED (publishReport), ' +
  'PUBLISHED → RETURNED (returnReport, for a correction); entries are saved while DRAFT or RETURNED';

/** The moves of a report: the statuses each starts from. */
export const MOVES = {
  saveIndicatorEntry: [ReportStatus.DRAFT, ReportStatus.RETURNED],
  submitReport: [ReportStatus.DRAFT, ReportStatus.RETURNED],
  returnReport: [ReportStatus.SUBMITTED, ReportStatus.PUBLISHED],
  publishReport: [ReportStatus.SUBMITTED],
} as const satisfies Record<string, readonly ReportStatus[]>;
export type Move = keyof typeof MOVES;

/** Refuses, with BAD_USER_INPUT naming the allowed transitions, a move the report's status does not allow. */
export function assertMayMove(move: Move, status: ReportStatus, field = 'id'): void {
  if ((MOVES[move] as readonly ReportStatus[]).includes(status)) return;
  throw badInput(
    `This report is ${status}: ${move} needs a report that is ${MOVES[move].join(' or ')}. Allowed transitions: ${ALLOWED_TRANSITIONS}.`,
    field,
  );
}

/**
 * saveIndicatorEntry and submitReport: an AUTHORITY of that country only. The Secretariat reviews a
 * report (returns it, publishes it) and does not write it.
 */
export function assertWritesReportOf(viewer: Viewer, country: string): void {
  if (viewer.role === 'AUTHORITY' && viewer.country === country) return;
  throw forbidden(
    `Only an AUTHORITY of ${country} writes and submits ${country}'s report` +
      (viewer.role === 'AUTHORITY' ? ` (your country is ${viewer.country ?? 'none'}).` : '; the Secretariat returns or publishes it.'),
  );
}

/** saveNationalPlan: an AUTHORITY of that country, or the Secretariat. */
export function assertKeepsPlansOf(viewer: Viewer, country: string): void {
  if (viewer.role === 'SECRETARIAT' || (viewer.role === 'AUTHORITY' && viewer.country === country)) return;
  throw forbidden(
    `Only the SECRETARIAT or an AUTHORITY of ${country} may record ${country}'s national plans` +
      (viewer.role === 'AUTHORITY' ? ` (your country is ${viewer.country ?? 'none'}).` : '.'),
  );
}
