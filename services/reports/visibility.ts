import type { Viewer } from '../platform/auth';
import type { Visibility } from '../kit/visibility';
import { CountryReport, ReportStatus } from './entities/country-report.entity';

/** An AUTHORITY of this country, or the Secretariat: who reads a report in any status, and its returnNote. */
export const keepsReportsOf = (viewer: Viewer | null, country: string): boolean =>
  viewer?.role === 'SECRETARIAT' || (viewer?.role === 'AUTHORITY' && viewer.country === country);

/**
 * Who reads a country report: everyone reads a PUBLISHED one; a DRAFT, SUBMITTED or RETURNED one is read
 * only by that country's authorities and the Secretariat. The same rule, on the status it recorded, says
 * who receives an event of the feed of publications (feed.ts): whoever could read the report right after it.
 */
export const mayReadReport = (viewer: Viewer | null, report: Pick<CountryReport, 'status' | 'countryCode'>): boolean =>
  report.status === ReportStatus.PUBLISHED || keepsReportsOf(viewer, report.countryCode);

/**
 * mayReadReport for rows: every query and lookup of this subgraph asks here. Its SQL reads the columns
 * `status` and `country_code`, which the report_events log has too (event-query.ts).
 */
export function reportVisibility(viewer: Viewer | null): Visibility<CountryReport> {
  return {
    canSee: (report) => mayReadReport(viewer, report),
    sql: (alias) => {
      if (viewer?.role === 'SECRETARIAT') return null;
      const parameters: Record<string, string> = { visibleStatus: ReportStatus.PUBLISHED };
      if (viewer?.role !== 'AUTHORITY' || !viewer.country) return { sql: `${alias}.status = :visibleStatus`, parameters };
      parameters.viewerCountry = viewer.country;
      return { sql: `(${alias}.status = :visibleStatus OR ${alias}.country_code = :viewerCountry)`, parameters };
    },
  };
}
