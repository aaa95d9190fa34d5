/**
 * The hemispheric report as a printable page: self-contained (inline CSS and SVG, no fonts or scripts from
 * elsewhere), in Spanish with English alongside, one section per pillar of the Work Plan, A4 when printed.
 * Every text from the graph goes through `escapeHtml`.
 */

type Country = { code: string; name: string; nameEs: string };

export interface HtmlReport {
  period: { id: string; name: string; startsOn: string; endsOn: string };
  countriesReported: Country[];
  countriesMissing: Country[];
  indicators: {
    indicator: { id: string; text: string; guideline: { number: number; section: string } | null } | null;
    achieved: number;
    inProgress: number;
    notStarted: number;
    notApplicable: number;
    reported: number;
  }[];
}

const SECTIONS: [string, string, string][] = [
  ['GENERAL', 'II. Directrices generales', 'General guidelines'],
  ['PREVENTION', 'III. Prevención', 'Prevention'],
  ['PROSECUTION', 'IV. Combate y sanción', 'Prosecution and punishment'],
  ['PROTECTION', 'V. Asistencia y protección de víctimas', 'Assistance to and protection of victims'],
];

/** The four progress values: field, Spanish, English, colour (distinct in greyscale too). */
const PROGRESS: ['achieved' | 'inProgress' | 'notStarted' | 'notApplicable', string, string, string][] = [
  ['achieved', 'Logrado', 'Achieved', '#1b7837'],
  ['inProgress', 'En curso', 'In progress', '#7fbf7b'],
  ['notStarted', 'No iniciado', 'Not started', '#d6604d'],
  ['notApplicable', 'No aplica', 'Not applicable', '#bababa'],
];

export const escapeHtml = (value: string | number | null | undefined): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const both = (es: string, en: string) => `${escapeHtml(es)} <span class="en">/ ${escapeHtml(en)}</span>`;
const day = (iso: string) => escapeHtml(iso.slice(0, 10));

/** A bar of the Member States, one segment per progress value, the rest of the 35 left blank. */
function bar(row: HtmlReport['indicators'][number], memberStates: number): string {
  let x = 0;
  const segments = PROGRESS.map(([field, es, en, colour]) => {
    const width = (row[field] / memberStates) * 200;
    const rect = row[field]
      ? `<rect x="${x.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="10" fill="${colour}"><title>${es} / ${en}: ${row[field]}</title></rect>`
      : '';
    x += width;
    return rect;
  }).join('');
  return `<svg class="bar" width="100%" height="10" viewBox="0 0 200 10" preserveAspectRatio="none" role="img" aria-label="${row.reported} / ${memberStates}"><rect width="200" height="10" fill="#f2f2f2"/>${segments}</svg>`;
}

function section([key, es, en]: [string, string, string], report: HtmlReport, memberStates: number): string {
  const rows = report.indicators.filter((row) => row.indicator?.guideline?.section === key);
  const body = rows.length
    ? `<table><colgroup><col>${'<col class="n">'.repeat(5)}<col class="bar"></colgroup><thead><tr><th>${both('Indicador', 'Indicator')}</th>${PROGRESS.map(([, pes, pen]) => `<th class="n">${both(pes, pen)}</th>`).join('')}<th class="n">${both('Informaron', 'Reported')}</th><th></th></tr></thead><tbody>${rows
        .map(
          (row) =>
            `<tr><td><b>${escapeHtml(row.indicator?.id)}</b> ${escapeHtml(row.indicator?.text)}</td>${PROGRESS.map(([field]) => `<td class="n">${row[field]}</td>`).join('')}<td class="n">${row.reported}</td><td>${bar(row, memberStates)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="none">${both('Sin indicadores de resultado en el Anexo I.', 'No result indicators in Annex I.')}</p>`;
  return `<section id="${key.toLowerCase()}"><h2>${both(es, en)}</h2>${body}</section>`;
}

const countryList = (countries: Country[]) =>
  countries.length
    ? `<ul class="countries">${countries.map((c) => `<li>${escapeHtml(c.nameEs)} <span class="en">(${escapeHtml(c.code)})</span></li>`).join('')}</ul>`
    : '<p>—</p>';

export function renderHtml(report: HtmlReport, generatedOn: Date): string {
  const memberStates = report.countriesReported.length + report.countriesMissing.length;
  const legend = PROGRESS.map(
    ([, es, en, colour]) =>
      `<span><svg width="10" height="10"><rect width="10" height="10" fill="${colour}"/></svg> ${both(es, en)}</span>`,
  ).join(' ');
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Informe hemisférico ${escapeHtml(report.period.name)}</title>
<style>
@page { size: A4; margin: 16mm 14mm; }
body { font: 10pt/1.35 system-ui, "DejaVu Sans", Arial, sans-serif; color: #222; max-width: 190mm; margin: 0 auto; padding: 8px; }
h1 { font-size: 16pt; margin: 0 0 4px; } h2 { font-size: 13pt; border-bottom: 2px solid #1b4f72; padding-bottom: 2px; }
.en { color: #666; font-weight: normal; }
table { width: 100%; border-collapse: collapse; } th, td { padding: 3px 4px; border-bottom: 1px solid #ddd; vertical-align: top; text-align: left; }
table { table-layout: fixed; } th { font-size: 7.5pt; } .n { text-align: right; } col.n { width: 7%; } col.bar { width: 15%; }
tr { break-inside: avoid; } .bar { display: block; margin-top: 3px; }
ul.countries { columns: 3; padding-left: 18px; margin: 4px 0; }
.legend span { margin-right: 12px; white-space: nowrap; } .none { color: #666; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { section + section { break-before: page; } body { padding: 0; } }
</style>
</head>
<body>
<header>
<h1>${both('Informe hemisférico', 'Hemispheric report')}: ${escapeHtml(report.period.name)}</h1>
<p>${both('II Plan de Trabajo para Combatir la Trata de Personas en el Hemisferio Occidental, mandato 11', 'II Work Plan to Combat Trafficking in Persons in the Western Hemisphere, mandate 11')}</p>
<p>${both('Período', 'Period')}: ${day(report.period.startsOn)} – ${day(report.period.endsOn)} · ${both('Generado el', 'Generated on')} <time>${generatedOn.toISOString().slice(0, 10)}</time></p>
<p>${both('Sólo informes nacionales publicados.', 'Published country reports only.')} ${both(`Informaron ${report.countriesReported.length} de ${memberStates} Estados Miembros.`, `${report.countriesReported.length} of ${memberStates} Member States reported.`)}</p>
<h3>${both('Países que informaron', 'Countries that reported')}</h3>
${countryList(report.countriesReported)}
<h3>${both('Países sin informe publicado', 'Countries without a published report')}</h3>
${countryList(report.countriesMissing)}
<p class="legend">${legend}</p>
</header>
${SECTIONS.map((s) => section(s, report, memberStates)).join('\n')}
</body>
</html>
`;
}
