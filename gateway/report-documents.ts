import type { IncomingMessage, ServerResponse } from 'node:http';
import { MEMBER_STATE_COUNT } from '../services/platform/limits';
import type { Logger } from '../services/platform/logger';
import { renderCsv, type CsvEntry } from './report-csv';
import { renderHtml, type HtmlReport } from './report-html';

/** Runs an operation against the gateway's own graph as an anonymous caller: the graph's rules apply (PUBLISHED data only). */
export type RunAnonymous = (
  query: string,
  variables: Record<string, unknown>,
  requestId: string,
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly { message: string }[] }>;

const REPORT = `query HemisphericReportDocument($period: ID!) {
  hemisphericReport(period: $period) {
    period { id name startsOn endsOn }
    countriesReported { code name nameEs }
    countriesMissing { code name nameEs }
    indicators { indicator { id text guideline { number section } } achieved inProgress notStarted notApplicable reported }
  }
}`;

const ENTRIES = `query HemisphericReportRows($period: ID!, $after: String) {
  countryReports(filter: { period: $period, status: PUBLISHED }, first: ${MEMBER_STATE_COUNT}, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { country { code nameEs } entries { indicator { id text guideline { number } } progress narrative updatedAt } }
  }
}`;

/** /reports/2015-2016.csv and /reports/2015-2016.html; a period id is letters, digits and dashes. */
const DOCUMENT = /^\/reports\/([A-Za-z0-9-]{1,64})\.(csv|html)$/;

class NotFound extends Error {}

/** A page of published country reports, as ENTRIES asks for it. */
interface EntriesPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { country: CsvEntry['country']; entries: Omit<CsvEntry, 'country'>[] }[];
}

async function dataOf(run: RunAnonymous, query: string, variables: Record<string, unknown>, requestId: string) {
  const result = await run(query, variables, requestId);
  if (result.errors?.length || !result.data)
    throw new Error(`the graph answered: ${result.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  return result.data;
}

async function htmlDocument(run: RunAnonymous, period: string, requestId: string): Promise<string> {
  const report = (await dataOf(run, REPORT, { period }, requestId)).hemisphericReport as HtmlReport | null;
  if (!report) throw new NotFound();
  return renderHtml(report, new Date());
}

async function csvDocument(run: RunAnonymous, period: string, requestId: string): Promise<string> {
  const known = (
    await dataOf(
      run,
      'query ReportingPeriodOf($period: ID!) { hemisphericReport(period: $period) { period { id } } }',
      { period },
      requestId,
    )
  ).hemisphericReport;
  if (!known) throw new NotFound();
  const entries: CsvEntry[] = [];
  let after: string | null = null;
  do {
    const page = (await dataOf(run, ENTRIES, { period, after }, requestId)).countryReports as EntriesPage;
    for (const report of page.nodes) for (const entry of report.entries) entries.push({ ...entry, country: report.country });
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return renderCsv(entries);
}

/**
 * The biennial report as documents, at the gateway's address: GET /reports/<period>.csv and .html, rendered
 * from the graph itself, read anonymously. Answers true when the request is one of them.
 */
export function createReportDocuments(
  run: RunAnonymous,
  log: Logger,
): (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean {
  return (req, res, pathname) => {
    const match = req.method === 'GET' ? DOCUMENT.exec(pathname) : null;
    if (!match) return false;
    const [, period, kind] = match;
    const requestId = String(res.getHeader('x-request-id') ?? '');
    const render = kind === 'csv' ? csvDocument : htmlDocument;
    render(run, period, requestId).then(
      (body) => {
        const type = kind === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'text/html; charset=utf-8';
        const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
        if (kind === 'csv') headers['content-disposition'] = `attachment; filename="informe-hemisferico-${period}.csv"`;
        res.writeHead(200, headers);
        res.end(body);
      },
      (error: unknown) => {
        const notFound = error instanceof NotFound;
        if (!notFound) log.error({ err: error, requestId, period }, 'hemispheric report document failed');
        res.writeHead(notFound ? 404 : 502, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(notFound ? `No reporting period "${period}".\n` : 'The report could not be built; try again later.\n');
      },
    );
    return true;
  };
}
