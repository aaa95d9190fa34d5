/**
 * The hemispheric report as CSV (RFC 4180): UTF-8 with a byte-order mark, so that spreadsheets read the
 * accents right; CRLF line ends; a header row; one row per country and indicator of the PUBLISHED reports.
 */

/** One entry of one published country report, as the graph answers it. */
export interface CsvEntry {
  country: { code: string; nameEs: string } | null;
  indicator: { id: string; text: string; guideline: { number: number } | null } | null;
  progress: string;
  narrative: string | null;
  updatedAt: string;
}

export const CSV_HEADER = [
  'country_code',
  'country_name',
  'indicator_id',
  'guideline',
  'indicator_text',
  'progress',
  'narrative',
  'updated_at',
];

/**
 * A cell as RFC 4180 quotes it. A text starting with = + - @ (or a tab or carriage return) would be taken
 * for a formula by a spreadsheet (CSV injection): it gets a leading apostrophe, which shows the text as it is.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(entries: CsvEntry[]): string {
  const rows = entries.map((entry) => [
    entry.country?.code,
    entry.country?.nameEs,
    entry.indicator?.id,
    entry.indicator?.guideline?.number,
    entry.indicator?.text,
    entry.progress,
    entry.narrative,
    entry.updatedAt,
  ]);
  return `\uFEFF${[CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
