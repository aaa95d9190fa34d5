import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium';
import { ReportStatus } from '../../services/reports/entities/country-report.entity';
import { demoReports } from '../../services/reports/demo';
import { startGraph, TestGraph } from '../helpers/graph';

const haveChromium = chromiumAvailable('hemispheric report browser test');

/** Where the printed report is left, to be looked at (pdftoppm -png -r 60 turns it into images). */
const PDF = path.join(os.tmpdir(), 'enlace-hemispheric-2015-2016.pdf');

/** The demo's published 2015-2016 entries of an indicator, by progress: what the page must count. */
function demoCounts(indicatorId: string): Record<string, number> {
  const { reports, entries } = demoReports();
  const published = new Set(reports.filter((r) => r.periodId === '2015-2016' && r.status === ReportStatus.PUBLISHED).map((r) => r.id));
  const counts: Record<string, number> = {};
  for (const entry of entries) {
    if (published.has(entry.reportId) && entry.indicatorId === indicatorId) counts[entry.progress] = (counts[entry.progress] ?? 0) + 1;
  }
  return counts;
}

(haveChromium ? describe : describe.skip)('the hemispheric report page, in headless Chromium', () => {
  let graph: TestGraph;
  let browser: Browser;
  beforeAll(async () => {
    graph = await startGraph();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  it('shows the demo period with nothing from outside the gateway, and prints to an A4 PDF', async () => {
    const base = graph.url.replace(/\/graphql$/, '');
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base)) outside.push(request.url());
    });
    const response = await page.goto(`${base}/reports/2015-2016.html`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Informe hemisférico Bienio 2015-2016 (demostración)');
    const text = await page.locator('body').innerText();
    expect(text).toContain('Informe hemisférico / Hemispheric report: Bienio 2015-2016 (demostración)');
    expect(text).toContain('Informaron 4 de 35 Estados Miembros.');
    for (const heading of [
      'II. Directrices generales',
      'III. Prevención',
      'IV. Combate y sanción',
      'V. Asistencia y protección de víctimas',
    ]) {
      await expect(page.getByRole('heading', { name: new RegExp(heading) }).isVisible()).resolves.toBe(true);
    }
    const reported = await page.locator('ul.countries').first().innerText();
    expect(reported.split('\n')).toEqual(['Colombia (CO)', 'Guatemala (GT)', 'México (MX)', 'Paraguay (PY)']);
    // The row of 18-a: the indicator, then achieved, in progress, not started, not applicable, reported.
    const cells = await page.locator('tr', { hasText: '18-a' }).locator('td.n').allInnerTexts();
    const counts = demoCounts('18-a');
    const expected = ['ACHIEVED', 'IN_PROGRESS', 'NOT_STARTED', 'NOT_APPLICABLE'].map((p) => String(counts[p] ?? 0));
    expect(cells).toEqual([...expected, String(Object.values(counts).reduce((a, b) => a + b, 0))]);
    expect(await page.locator('svg.bar').count()).toBe(62);
    expect(outside).toEqual([]);

    await page.pdf({ path: PDF, format: 'A4' });
    const pdf = fs.readFileSync(PDF);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The header with the general guidelines, then a page at least for each of the three pillars with indicators.
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(4);
    console.log(`hemispheric report printed to ${PDF} (${pdf.length} bytes)`);
    await page.close();
  }, 60_000);
});
