import { OAS_MEMBER_STATES } from '../../services/kit/countries';
import { INDICATOR_IDS } from '../../services/kit/indicators';
import { statementCount } from '../../services/kit/statements';
import { loadConfig } from '../../services/platform/config';
import type { Viewer } from '../../services/platform/auth';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, type TestGraph } from '../helpers/graph';

const PERIOD = 'mutation($i: ReportingPeriodInput!) { createReportingPeriod(input: $i) { id } }';
const SAVE = 'mutation($c: ID!, $p: ID!, $i: IndicatorEntryInput!) { saveIndicatorEntry(country: $c, period: $p, input: $i) { id } }';
const SUBMIT = 'mutation($c: ID!, $p: ID!) { submitReport(country: $c, period: $p) { id } }';
const RETURN = 'mutation($id: ID!) { returnReport(id: $id, note: "Falta evidencia") { id } }';
const PUBLISH = 'mutation($id: ID!) { publishReport(id: $id) { id } }';
const HEMISPHERIC = `query($p: ID!) { hemisphericReport(period: $p) {
  period { id name } csvUrl htmlUrl
  countriesReported { code name nameEs } countriesMissing { code name nameEs }
  indicators { indicator { id text guideline { number section } } achieved inProgress notStarted notApplicable reported }
} }`;
const GUIDELINES = `query($p: ID!) { guidelines { number progress(period: $p) { indicator { id } achieved inProgress notStarted notApplicable reported } } }`;

/** A name with markup, quotes and an ampersand: the page must show it as text. */
const TRICKY_NAME = 'Bienio <script>alert(1)</script> & "prueba"';
/** A narrative that a spreadsheet would take for a formula, with quotes, a comma and a line break. */
const FORMULA = '=HYPERLINK("https://example.org","clic"), otra línea\nsegunda';

type Entry = [indicator: string, progress: string, narrative?: string];

describe('the hemispheric report through the gateway', () => {
  let graph: TestGraph;
  let base: string;
  const secretariat = viewer('SECRETARIAT');
  const officer = (country: string): Viewer => viewer('AUTHORITY', country);

  const call = async (query: string, variables: Record<string, unknown>, who: Viewer | null = null, headers = {}) => {
    const { body } = await graph.query(query, variables, { ...(who ? asViewer(who) : {}), ...headers });
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const createPeriod = (id: string, name = `Bienio ${id}`) =>
    call(
      PERIOD,
      { i: { id, name, startsOn: `${id.slice(0, 4)}-01-01T00:00:00.000Z`, endsOn: `${id.slice(5)}-12-31T00:00:00.000Z` } },
      secretariat,
    );
  /** The country's officer saves the entries, then the report goes as far as `status`. */
  async function report(country: string, period: string, entries: Entry[], status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'PUBLISHED') {
    for (const [indicatorId, progress, narrative] of entries) {
      await call(SAVE, { c: country, p: period, i: { indicatorId, progress, narrative } }, officer(country));
    }
    if (status === 'DRAFT') return;
    const { id } = (await call(SUBMIT, { c: country, p: period }, officer(country))).submitReport;
    if (status === 'RETURNED') await call(RETURN, { id }, secretariat);
    if (status === 'PUBLISHED') await call(PUBLISH, { id }, secretariat);
  }
  const document = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    graph = await startGraph({ MUTATION_RATE_LIMIT: '100000' });
    base = graph.url.replace(/\/graphql$/, '');
    await createPeriod('2031-2032', TRICKY_NAME);
    // The hand-computed example: three published reports; a draft, a returned and a submitted one that must not count.
    await report(
      'GT',
      '2031-2032',
      [
        ['18-a', 'ACHIEVED'],
        ['19-a', 'IN_PROGRESS'],
        ['51-a', 'NOT_STARTED'],
      ],
      'PUBLISHED',
    );
    await report(
      'MX',
      '2031-2032',
      [
        ['18-a', 'ACHIEVED', 'Programa en México'],
        ['19-a', 'NOT_APPLICABLE'],
      ],
      'PUBLISHED',
    );
    await report('CO', '2031-2032', [['18-a', 'IN_PROGRESS', FORMULA]], 'PUBLISHED');
    await report(
      'PE',
      '2031-2032',
      [
        ['18-a', 'ACHIEVED', 'borrador secreto'],
        ['51-a', 'ACHIEVED'],
      ],
      'DRAFT',
    );
    await report('BR', '2031-2032', [['18-a', 'ACHIEVED', 'devuelto secreto']], 'RETURNED');
    await report('SV', '2031-2032', [['19-a', 'ACHIEVED', 'enviado secreto']], 'SUBMITTED');
  }, 120_000);
  afterAll(() => graph?.stop());

  const EXPECTED: Record<string, [number, number, number, number, number]> = {
    // achieved, inProgress, notStarted, notApplicable, reported
    '18-a': [2, 1, 0, 0, 3],
    '19-a': [0, 1, 0, 1, 2],
    '51-a': [0, 0, 1, 0, 1],
  };
  const countsOf = (row: { achieved: number; inProgress: number; notStarted: number; notApplicable: number; reported: number }) => [
    row.achieved,
    row.inProgress,
    row.notStarted,
    row.notApplicable,
    row.reported,
  ];

  describe('counts', () => {
    it('counts every Annex I indicator over the PUBLISHED reports only, zeros included, in guideline order', async () => {
      for (const who of [null, officer('PE'), secretariat]) {
        const report = (await call(HEMISPHERIC, { p: '2031-2032' }, who)).hemisphericReport;
        expect(report.indicators.map((row: any) => row.indicator.id)).toEqual(INDICATOR_IDS);
        for (const row of report.indicators)
          expect([row.indicator.id, ...countsOf(row)]).toEqual([row.indicator.id, ...(EXPECTED[row.indicator.id] ?? [0, 0, 0, 0, 0])]);
        expect(report.indicators[0].indicator.guideline).toEqual({ number: 18, section: 'PREVENTION' });
        expect(report.indicators[0].indicator.text.length).toBeGreaterThan(10);
      }
    });

    it('lists the countries that published and the Member States missing', async () => {
      const report = (await call(HEMISPHERIC, { p: '2031-2032' })).hemisphericReport;
      expect(report.countriesReported.map((c: any) => c.code)).toEqual(['CO', 'GT', 'MX']);
      expect(report.countriesReported[2]).toEqual({ code: 'MX', name: 'Mexico', nameEs: 'México' });
      const missing = report.countriesMissing.map((c: any) => c.code);
      expect(missing).toHaveLength(32);
      expect(missing).toEqual(expect.arrayContaining(['PE', 'BR', 'SV', 'US']));
      expect(new Set([...missing, 'CO', 'GT', 'MX'])).toEqual(new Set(OAS_MEMBER_STATES));
    });

    it('gives each guideline the progress of its own indicators, empty for guidelines 1-17', async () => {
      const guidelines = (await call(GUIDELINES, { p: '2031-2032' })).guidelines;
      expect(guidelines).toHaveLength(67);
      const byNumber = new Map(guidelines.map((g: any) => [g.number, g.progress]));
      expect(byNumber.get(1)).toEqual([]);
      expect((byNumber.get(19) as any[]).map((row) => [row.indicator.id, ...countsOf(row)])).toEqual([
        ['19-a', ...EXPECTED['19-a']],
        ['19-b', 0, 0, 0, 0, 0],
      ]);
      expect(guidelines.flatMap((g: any) => g.progress.map((row: any) => row.indicator.id))).toEqual(INDICATOR_IDS);
    });

    it('answers null for an unknown period', async () => {
      expect((await call(HEMISPHERIC, { p: '1999-2000' })).hemisphericReport).toBeNull();
      expect((await call('{ guideline(number: 18) { progress(period: "1999-2000") { reported } } }', {})).guideline.progress).toBeNull();
    });

    it('links the documents at PUBLIC_URL', async () => {
      const report = (await call(HEMISPHERIC, { p: '2031-2032' })).hemisphericReport;
      expect(report.csvUrl).toBe(`${graph.config.publicUrl}/reports/2031-2032.csv`);
      expect(report.htmlUrl).toBe(`${graph.config.publicUrl}/reports/2031-2032.html`);
      expect(loadConfig({ GATEWAY_PORT: '4100' }).publicUrl).toBe('http://127.0.0.1:4100');
      expect(loadConfig({ PUBLIC_URL: 'https://enlace.example.org/' }).publicUrl).toBe('https://enlace.example.org');
      expect(() => loadConfig({ PUBLIC_URL: 'ftp://enlace.example.org' })).toThrow(/PUBLIC_URL/);
    });
  });

  describe('SQL statements', () => {
    // The whole graph's statements for one request (the gateway passes its id to every subgraph), and the
    // reports subgraph's own: the counting is its part, the countries' names and the indicators' texts come
    // from authorities and workplan. With 35 countries the missing list is empty and the gateway skips that
    // fetch of names, one statement fewer: the count does not grow with the countries.
    it('do not grow from 5 reporting countries to 34 and 35', async () => {
      await createPeriod('2033-2034');
      let requests = 0;
      const measure = async () => {
        const requestId = `hemispheric-${(requests += 1)}`;
        const report = (await call(HEMISPHERIC, { p: '2033-2034' }, null, { 'x-request-id': requestId })).hemisphericReport;
        return {
          countries: report.countriesReported.length,
          statements: graph.statements(requestId),
          counting: statementCount(graph.subgraphs.reports.db, requestId),
        };
      };
      const entries = (i: number): Entry[] =>
        INDICATOR_IDS.slice(i, i + 3).map((id, j) => [id, ['ACHIEVED', 'IN_PROGRESS', 'NOT_STARTED'][j]]);
      const publish = async (from: number, to: number) => {
        for (let i = from; i < to; i += 1) await report(OAS_MEMBER_STATES[i], '2033-2034', entries(i), 'PUBLISHED');
      };
      await publish(0, 5);
      const five = await measure();
      await publish(5, 34);
      const most = await measure();
      await publish(34, 35);
      const all = await measure();
      expect([five.countries, most.countries, all.countries]).toEqual([5, 34, 35]);
      expect([most.counting, all.counting]).toEqual([five.counting, five.counting]);
      expect(most.statements).toBe(five.statements);
      expect(all.statements).toBe(five.statements - 1);
      const csv = (await document('/reports/2033-2034.csv')).bytes.toString('utf8');
      expect(csv.split('\r\n')).toHaveLength(1 + 35 * 3 + 1);
      console.log(
        `hemisphericReport: ${five.statements} SQL statements (${five.counting} in reports) with 5 reporting countries, ` +
          `${most.statements} (${most.counting}) with 34, ${all.statements} (${all.counting}) with 35`,
      );
    }, 120_000);
  });

  describe('the CSV', () => {
    it('has a BOM, a header and one CRLF row per country and indicator of the PUBLISHED reports, quoted and formula-safe', async () => {
      const { status, type, bytes } = await document('/reports/2031-2032.csv');
      expect(status).toBe(200);
      expect(type).toMatch(/^text\/csv; charset=utf-8/);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      expect(text.endsWith('\r\n')).toBe(true);
      const lines = text.slice(0, -2).split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      expect(lines[0]).toBe('country_code,country_name,indicator_id,guideline,indicator_text,progress,narrative,updated_at');
      const rows = lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','));
      expect(rows).toEqual([
        'CO,Colombia,18-a',
        'GT,Guatemala,18-a',
        'GT,Guatemala,19-a',
        'GT,Guatemala,51-a',
        'MX,México,18-a',
        'MX,México,19-a',
      ]);
      expect(lines[1]).toContain(`,IN_PROGRESS,"'=HYPERLINK(""https://example.org"",""clic""), otra línea\nsegunda",`);
      expect(lines[5]).toMatch(/^MX,México,18-a,18,.+,ACHIEVED,Programa en México,\d{4}-\d\d-\d\dT/);
      expect(text).not.toMatch(/secreto/);
    });

    it('is 404 with a plain message for an unknown period', async () => {
      const { status, type, bytes } = await document('/reports/1999-2000.csv');
      expect([status, type, bytes.toString()]).toEqual([404, 'text/plain; charset=utf-8', 'No reporting period "1999-2000".\n']);
    });
  });

  describe('the page', () => {
    it('shows each pillar with its indicators, counts and bars, the countries, and the data only as text', async () => {
      const { status, type, bytes } = await document('/reports/2031-2032.html');
      expect(status).toBe(200);
      expect(type).toBe('text/html; charset=utf-8');
      const html = bytes.toString('utf8');
      expect(html).not.toContain('<script');
      expect(html).toContain('Bienio &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;prueba&quot;');
      for (const id of ['general', 'prevention', 'prosecution', 'protection']) expect(html).toContain(`<section id="${id}">`);
      expect(html).toContain('III. Prevención <span class="en">/ Prevention</span>');
      const row = (id: string) => new RegExp(`<tr><td><b>${id}</b>.*?</tr>`).exec(html)?.[0] ?? '';
      const cells = (id: string) => [...row(id).matchAll(/<td class="n">(\d+)<\/td>/g)].map((m) => Number(m[1]));
      for (const [id, counts] of Object.entries(EXPECTED)) expect(cells(id)).toEqual(counts);
      expect(cells('19-b')).toEqual([0, 0, 0, 0, 0]);
      expect(row('18-a')).toContain('<svg class="bar"');
      expect((html.match(/<tr><td><b>/g) ?? []).length).toBe(INDICATOR_IDS.length);
      expect(html).toContain('<li>México <span class="en">(MX)</span></li>');
      expect(html).toContain('Informaron 3 de 35 Estados Miembros.');
      expect(html).toContain(`<time>${new Date().toISOString().slice(0, 10)}</time>`);
      expect(html).not.toMatch(/<link|src=|@import|url\(/);
    });

    it('is 404 for an unknown period and leaves other paths alone', async () => {
      expect((await document('/reports/1999-2000.html')).status).toBe(404);
      expect((await document('/reports/2031-2032.pdf')).status).toBe(404);
    });
  });
});
