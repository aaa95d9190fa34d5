import { demoAgreementId } from '../../services/agreements/demo';
import type { Viewer } from '../../services/platform/auth';
import { demoPracticeId } from '../../services/practices/demo';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, type TestGraph } from '../helpers/graph';
import { refusedWithoutWrites } from '../helpers/rows';

const REPORT = `id status returnNote submittedAt publishedAt updatedAt country { code nameEs } period { id name }
  entries { indicator { id text } progress narrative evidence practices { id title } agreements { id } }`;
const PERIOD = 'mutation($i: ReportingPeriodInput!) { createReportingPeriod(input: $i) { id name startsOn endsOn dueOn } }';
const PERIODS = '{ reportingPeriods { id } }';
const SAVE = `mutation($c: ID!, $p: ID!, $i: IndicatorEntryInput!) { saveIndicatorEntry(country: $c, period: $p, input: $i) { ${REPORT} } }`;
const SUBMIT = `mutation($c: ID!, $p: ID!) { submitReport(country: $c, period: $p) { ${REPORT} } }`;
const RETURN = `mutation($id: ID!, $n: String!) { returnReport(id: $id, note: $n) { ${REPORT} } }`;
const PUBLISH = `mutation($id: ID!) { publishReport(id: $id) { ${REPORT} } }`;
const READ = `query($c: ID!, $p: ID!) { countryReport(country: $c, period: $p) { ${REPORT} } }`;
const OF_COUNTRY = 'query($c: ID!) { country(code: $c) { reports { id status period { id } } } }';
const LIST = `query($f: CountryReportFilter) { countryReports(filter: $f, first: 100) { totalCount nodes { id status country { code } period { id } } } }`;
const HISTORY = `query($s: ID) { reportHistory(subjectId: $s, first: 100) { nodes { kind subjectId countryCode userId fields { field oldValue newValue } } } }`;
const PLAN =
  'mutation($i: NationalPlanInput!) { saveNationalPlan(input: $i) { id title startYear endYear url country { code } guidelines { number } } }';
const PLANS = 'query($c: ID!) { country(code: $c) { nationalPlans { id title startYear guidelines { number } } } }';
const NOBODY = '00000000-0000-4000-8000-000000000000';

type Entry = {
  indicator: { id: string; text: string };
  progress: string;
  narrative: string | null;
  evidence: string[];
  practices: { id: string; title: string }[] | null;
  agreements: { id: string }[] | null;
};
type Report = {
  id: string;
  status: string;
  returnNote: string | null;
  submittedAt: string | null;
  publishedAt: string | null;
  country: { code: string; nameEs: string };
  period: { id: string; name: string };
  entries: Entry[];
};

const PUBLISHED_PRACTICE = demoPracticeId('hotline-gt');
const PRACTICE_UNDER_REVIEW = demoPracticeId('chaco-shelter-py');
const AGREEMENT_IN_FORCE = demoAgreementId('bilateral-gt-mx');
/** A DRAFT between Guatemala and Colombia: its parties' authorities see it, the public does not. */
const DRAFT_AGREEMENT_GT_CO = demoAgreementId('extradition-gt-co');
const WITHDRAWN_AGREEMENT = demoAgreementId('withdrawn-pe-py');

/** The reporting cycle of issue 18, as a client sees it through the gateway. */
describe('the reporting cycle through the gateway', () => {
  let graph: TestGraph;
  const secretariat = viewer('SECRETARIAT');
  const gtOfficer = viewer('AUTHORITY', 'GT');
  const mxOfficer = viewer('AUTHORITY', 'MX');
  const svOfficer = viewer('AUTHORITY', 'SV');
  const signedIn = viewer();

  beforeAll(async () => {
    graph = await startGraph({ MUTATION_RATE_LIMIT: '100000' });
    for (const id of ['2019-2020', '2021-2022']) {
      const year = Number(id.slice(0, 4));
      const body = await call(
        PERIOD,
        { i: { id, name: `Bienio ${id}`, startsOn: `${year}-01-01T00:00:00.000Z`, endsOn: `${year + 1}-12-31T00:00:00.000Z` } },
        secretariat,
      );
      expect(body.errors).toBeUndefined();
    }
  });
  afterAll(() => graph?.stop());

  const call = async (query: string, variables: Record<string, unknown>, who: Viewer | null) =>
    (await graph.query(query, variables, who ? asViewer(who) : {})).body;
  const ok = async (query: string, variables: Record<string, unknown>, who: Viewer): Promise<Report> => {
    const body = await call(query, variables, who);
    expect(body.errors).toBeUndefined();
    return Object.values(body.data)[0] as Report;
  };
  const read = async (country: string, period: string, who: Viewer | null): Promise<Report | null> => {
    const body = await call(READ, { c: country, p: period }, who);
    expect(body.errors).toBeUndefined();
    return body.data.countryReport;
  };
  /** Who of anonymous, a signed-in user, another country's officer, the country's officer and the Secretariat reads the report. */
  const readers = async (country: string, period: string) => {
    const who: [string, Viewer | null][] = [
      ['anonymous', null],
      ['signed in', signedIn],
      ['other officer', mxOfficer],
      ['own officer', gtOfficer],
      ['secretariat', secretariat],
    ];
    const seen: Record<string, boolean> = {};
    for (const [name, reader] of who) {
      const direct = (await read(country, period, reader)) !== null;
      const listed = ((await call(OF_COUNTRY, { c: country }, reader)).data.country.reports as { period: { id: string } }[]).some(
        (report) => report.period.id === period,
      );
      const inList = ((await call(LIST, { f: { country, period } }, reader)).data.countryReports.nodes as unknown[]).length > 0;
      expect({ name, listed, inList }).toEqual({ name, listed: direct, inList: direct });
      seen[name] = direct;
    }
    return seen;
  };
  const ONLY_KEEPERS = { anonymous: false, 'signed in': false, 'other officer': false, 'own officer': true, secretariat: true };
  const EVERYONE = { anonymous: true, 'signed in': true, 'other officer': true, 'own officer': true, secretariat: true };

  /** A mutation refused with `code` (and `field`) that adds or removes no row of any subgraph (helpers/rows.ts). */
  const refused = (query: string, variables: Record<string, unknown>, who: Viewer | null, code: string, field?: string) =>
    refusedWithoutWrites(graph, () => call(query, variables, who), code, field).then((body) => body.errors![0].message);

  describe('reporting periods', () => {
    it('lists the demo periods and those the Secretariat opened, the earliest first', async () => {
      const body = await call(PERIODS, {}, null);
      expect(body.data.reportingPeriods.map((p: { id: string }) => p.id)).toEqual(['2015-2016', '2017-2018', '2019-2020', '2021-2022']);
    });

    it('refuses a period from anyone but the Secretariat, a taken id, a bad id and an end before the start, writing nothing', async () => {
      const input = { id: '2023-2024', name: 'Bienio 2023-2024', startsOn: '2023-01-01T00:00:00.000Z', endsOn: '2024-12-31T00:00:00.000Z' };
      await refused(PERIOD, { i: input }, null, 'UNAUTHENTICATED');
      await refused(PERIOD, { i: input }, gtOfficer, 'FORBIDDEN');
      await refused(PERIOD, { i: { ...input, id: '2019-2020' } }, secretariat, 'BAD_USER_INPUT', 'id');
      await refused(PERIOD, { i: { ...input, id: '2023 2024' } }, secretariat, 'BAD_USER_INPUT', 'id');
      await refused(PERIOD, { i: { ...input, endsOn: '2022-12-31T00:00:00.000Z' } }, secretariat, 'BAD_USER_INPUT', 'endsOn');
    });
  });

  describe('a report from draft to published', () => {
    let report: Report;

    it('creates the report DRAFT with its first entry, seen only by its country’s authorities and the Secretariat', async () => {
      report = await ok(
        SAVE,
        {
          c: 'gt',
          p: '2019-2020',
          i: {
            indicatorId: '18-a',
            progress: 'IN_PROGRESS',
            narrative: 'Reforma ficticia del código penal en discusión.',
            evidence: ['https://example.org/ley-ficticia'],
            practiceIds: [PUBLISHED_PRACTICE],
            agreementIds: [AGREEMENT_IN_FORCE, DRAFT_AGREEMENT_GT_CO],
          },
        },
        gtOfficer,
      );
      expect(report).toMatchObject({
        status: 'DRAFT',
        returnNote: null,
        submittedAt: null,
        publishedAt: null,
        country: { code: 'GT', nameEs: 'Guatemala' },
      });
      expect(report.period).toEqual({ id: '2019-2020', name: 'Bienio 2019-2020' });
      expect(report.entries).toHaveLength(1);
      expect(report.entries[0]).toMatchObject({
        indicator: { id: '18-a' },
        progress: 'IN_PROGRESS',
        evidence: ['https://example.org/ley-ficticia'],
        practices: [{ id: PUBLISHED_PRACTICE }],
        agreements: [{ id: AGREEMENT_IN_FORCE }, { id: DRAFT_AGREEMENT_GT_CO }],
      });
      expect(report.entries[0].indicator.text.length).toBeGreaterThan(10);
      expect(await readers('GT', '2019-2020')).toEqual(ONLY_KEEPERS);
    });

    it('replaces an entry saved again and adds the others, in the order of Annex I', async () => {
      await ok(SAVE, { c: 'GT', p: '2019-2020', i: { indicatorId: '45-a', progress: 'NOT_STARTED' } }, gtOfficer);
      const saved = await ok(
        SAVE,
        {
          c: 'GT',
          p: '2019-2020',
          i: {
            indicatorId: '18-a',
            progress: 'ACHIEVED',
            narrative: 'Reforma ficticia aprobada.',
            evidence: ['https://example.org/ley-ficticia'],
            practiceIds: [PUBLISHED_PRACTICE],
            agreementIds: [AGREEMENT_IN_FORCE, DRAFT_AGREEMENT_GT_CO],
          },
        },
        gtOfficer,
      );
      expect(saved.id).toBe(report.id);
      expect(saved.entries.map((e) => [e.indicator.id, e.progress])).toEqual([
        ['18-a', 'ACHIEVED'],
        ['45-a', 'NOT_STARTED'],
      ]);
    });

    it('submits it: SUBMITTED, still hidden from the public, and closed to entries', async () => {
      const submitted = await ok(SUBMIT, { c: 'GT', p: '2019-2020' }, gtOfficer);
      expect(submitted.status).toBe('SUBMITTED');
      expect(submitted.submittedAt).not.toBeNull();
      expect(await readers('GT', '2019-2020')).toEqual(ONLY_KEEPERS);
      const message = await refused(
        SAVE,
        { c: 'GT', p: '2019-2020', i: { indicatorId: '19-a', progress: 'ACHIEVED' } },
        gtOfficer,
        'BAD_USER_INPUT',
      );
      expect(message).toContain('Allowed transitions');
      expect(message).toContain('SUBMITTED');
    });

    it('returns it with a note its country’s authorities and the Secretariat read, and opens it to entries again', async () => {
      const returned = await ok(RETURN, { id: report.id, n: '  Añadan evidencia para el indicador 45-a.  ' }, secretariat);
      expect(returned).toMatchObject({ status: 'RETURNED', returnNote: 'Añadan evidencia para el indicador 45-a.' });
      expect(await readers('GT', '2019-2020')).toEqual(ONLY_KEEPERS);
      expect((await read('GT', '2019-2020', gtOfficer))!.returnNote).toBe('Añadan evidencia para el indicador 45-a.');
      const edited = await ok(
        SAVE,
        { c: 'GT', p: '2019-2020', i: { indicatorId: '45-a', progress: 'IN_PROGRESS', evidence: ['http://example.org/protocolo'] } },
        gtOfficer,
      );
      expect(edited.status).toBe('RETURNED');
      expect(edited.entries[1]).toMatchObject({
        indicator: { id: '45-a' },
        progress: 'IN_PROGRESS',
        evidence: ['http://example.org/protocolo'],
      });
    });

    it('submits it again and publishes it: public, its note and what the public may not see of its links kept from others', async () => {
      expect((await ok(SUBMIT, { c: 'GT', p: '2019-2020' }, gtOfficer)).status).toBe('SUBMITTED');
      const published = await ok(PUBLISH, { id: report.id }, secretariat);
      expect(published.status).toBe('PUBLISHED');
      expect(published.publishedAt).not.toBeNull();
      expect(await readers('GT', '2019-2020')).toEqual(EVERYONE);
      const seenByPublic = (await read('GT', '2019-2020', null))!;
      expect(seenByPublic.returnNote).toBeNull();
      expect((await read('GT', '2019-2020', mxOfficer))!.returnNote).toBeNull();
      // The draft agreement is left out for whoever may not see it; the practice is public.
      expect(seenByPublic.entries[0]).toMatchObject({ practices: [{ id: PUBLISHED_PRACTICE }], agreements: [{ id: AGREEMENT_IN_FORCE }] });
      expect((await read('GT', '2019-2020', gtOfficer))!.entries[0].agreements).toEqual([
        { id: AGREEMENT_IN_FORCE },
        { id: DRAFT_AGREEMENT_GT_CO },
      ]);
    });

    it('changes nothing once PUBLISHED: publishing twice, submitting, saving are refused naming the allowed transitions', async () => {
      for (const [query, variables, who] of [
        [PUBLISH, { id: report.id }, secretariat],
        [SUBMIT, { c: 'GT', p: '2019-2020' }, gtOfficer],
        [SAVE, { c: 'GT', p: '2019-2020', i: { indicatorId: '18-a', progress: 'NOT_STARTED' } }, gtOfficer],
      ] as const) {
        const message = await refused(query, variables, who, 'BAD_USER_INPUT');
        expect(message).toContain('This report is PUBLISHED');
        expect(message).toContain('Allowed transitions: DRAFT or RETURNED → SUBMITTED');
      }
    });

    it('is corrected by the Secretariat returning it: hidden again until it is submitted and published anew', async () => {
      expect((await ok(RETURN, { id: report.id, n: 'Corrijan la cifra del indicador 18-a.' }, secretariat)).status).toBe('RETURNED');
      expect(await readers('GT', '2019-2020')).toEqual(ONLY_KEEPERS);
      await ok(SAVE, { c: 'GT', p: '2019-2020', i: { indicatorId: '18-a', progress: 'IN_PROGRESS' } }, gtOfficer);
      await ok(SUBMIT, { c: 'GT', p: '2019-2020' }, gtOfficer);
      const republished = await ok(PUBLISH, { id: report.id }, secretariat);
      expect(republished).toMatchObject({ status: 'PUBLISHED', returnNote: null });
      expect(await readers('GT', '2019-2020')).toEqual(EVERYONE);
    });

    it('records every step in the history, which only the Secretariat reads', async () => {
      const body = await call(HISTORY, { s: report.id }, secretariat);
      expect(body.errors).toBeUndefined();
      const kinds = (body.data.reportHistory.nodes as { kind: string }[]).map((change) => change.kind).reverse();
      expect(kinds).toEqual([
        'ENTRY_SAVED',
        'ENTRY_SAVED',
        'ENTRY_SAVED',
        'SUBMITTED',
        'RETURNED',
        'ENTRY_SAVED',
        'SUBMITTED',
        'PUBLISHED',
        'RETURNED',
        'ENTRY_SAVED',
        'SUBMITTED',
        'PUBLISHED',
      ]);
      const first = body.data.reportHistory.nodes.at(-1);
      expect(first).toMatchObject({ subjectId: report.id, countryCode: 'GT', userId: gtOfficer.id });
      expect(first.fields).toContainEqual({ field: 'entries[18-a].progress', oldValue: null, newValue: 'IN_PROGRESS' });
      expect((await call(HISTORY, { s: report.id }, gtOfficer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('two first entries at once', () => {
    it('makes one report holding both', async () => {
      const peOfficer = viewer('AUTHORITY', 'PE');
      const save = (indicatorId: string) => ok(SAVE, { c: 'PE', p: '2021-2022', i: { indicatorId, progress: 'ACHIEVED' } }, peOfficer);
      const [a, b] = await Promise.all([save('22-a'), save('23-a')]);
      expect(a.id).toBe(b.id);
      expect((await read('PE', '2021-2022', peOfficer))!.entries.map((e) => e.indicator.id)).toEqual(['22-a', '23-a']);
    });
  });

  describe('bad input writes nothing', () => {
    const entry = (extra: Record<string, unknown> = {}) => ({
      c: 'SV',
      p: '2019-2020',
      i: { indicatorId: '20-a', progress: 'ACHIEVED', ...extra },
    });

    it("refuses an officer of another country, the Secretariat and an anonymous caller writing a country's report", async () => {
      await refused(SAVE, entry(), mxOfficer, 'FORBIDDEN');
      await refused(SAVE, entry(), secretariat, 'FORBIDDEN');
      await refused(SAVE, entry(), signedIn, 'FORBIDDEN');
      await refused(SAVE, entry(), null, 'UNAUTHENTICATED');
      await refused(SUBMIT, { c: 'SV', p: '2019-2020' }, mxOfficer, 'FORBIDDEN');
    });

    it('names an unknown indicator or period', async () => {
      expect(await refused(SAVE, entry({ indicatorId: '99-z' }), svOfficer, 'BAD_USER_INPUT', 'indicatorId')).toContain('99-z');
      expect(await refused(SAVE, { ...entry(), p: '1999-2000' }, svOfficer, 'BAD_USER_INPUT', 'period')).toContain('1999-2000');
      expect(await refused(SUBMIT, { c: 'SV', p: '1999-2000' }, svOfficer, 'BAD_USER_INPUT', 'period')).toContain('1999-2000');
    });

    it('answers field-level errors for an overlong narrative, 200 evidence links and a javascript: link', async () => {
      await refused(SAVE, entry({ narrative: 'x'.repeat(5001) }), svOfficer, 'BAD_USER_INPUT', 'narrative');
      const links = Array.from({ length: 200 }, (_, i) => `https://example.org/${i}`);
      await refused(SAVE, entry({ evidence: links }), svOfficer, 'BAD_USER_INPUT', 'evidence');
      await refused(SAVE, entry({ evidence: ['javascript:alert(1)'] }), svOfficer, 'BAD_USER_INPUT', 'evidence');
      await refused(SAVE, entry({ evidence: [`https://example.org/${'a'.repeat(2000)}`] }), svOfficer, 'BAD_USER_INPUT', 'evidence');
    });

    it('refuses a practice or agreement the writer may not see, or that does not exist', async () => {
      await refused(SAVE, entry({ practiceIds: [PRACTICE_UNDER_REVIEW] }), svOfficer, 'BAD_USER_INPUT', 'practiceIds');
      await refused(SAVE, entry({ practiceIds: [NOBODY] }), svOfficer, 'BAD_USER_INPUT', 'practiceIds');
      await refused(SAVE, entry({ agreementIds: [DRAFT_AGREEMENT_GT_CO] }), svOfficer, 'BAD_USER_INPUT', 'agreementIds');
      await refused(SAVE, entry({ agreementIds: [WITHDRAWN_AGREEMENT] }), svOfficer, 'BAD_USER_INPUT', 'agreementIds');
    });

    it('refuses to submit a report with no entry, and the Secretariat’s moves out of turn or by others', async () => {
      await refused(SUBMIT, { c: 'SV', p: '2019-2020' }, svOfficer, 'BAD_USER_INPUT', 'period');
      const draft = await ok(SAVE, entry(), svOfficer);
      expect(await refused(RETURN, { id: draft.id, n: 'Nota.' }, secretariat, 'BAD_USER_INPUT', 'id')).toContain('Allowed transitions');
      expect(await refused(PUBLISH, { id: draft.id }, secretariat, 'BAD_USER_INPUT', 'id')).toContain('This report is DRAFT');
      await ok(SUBMIT, { c: 'SV', p: '2019-2020' }, svOfficer);
      await refused(RETURN, { id: draft.id, n: '   ' }, secretariat, 'BAD_USER_INPUT', 'note');
      await refused(RETURN, { id: draft.id, n: 'x'.repeat(2001) }, secretariat, 'BAD_USER_INPUT', 'note');
      await refused(RETURN, { id: draft.id, n: 'Nota.' }, svOfficer, 'FORBIDDEN');
      await refused(PUBLISH, { id: draft.id }, svOfficer, 'FORBIDDEN');
      await refused(PUBLISH, { id: NOBODY }, secretariat, 'NOT_FOUND');
      expect((await read('SV', '2019-2020', svOfficer))!.status).toBe('SUBMITTED');
    });
  });

  describe('national action plans', () => {
    const plan = {
      country: 'GT',
      title: 'Plan ficticio de prueba 2020-2024',
      startYear: 2020,
      endYear: 2024,
      url: 'https://example.org/plan',
      guidelines: [19, 18, 19],
    };

    it('records and changes a plan of an authority’s own country, listed publicly on its country', async () => {
      const body = await call(PLAN, { i: plan }, gtOfficer);
      expect(body.errors).toBeUndefined();
      const saved = body.data.saveNationalPlan;
      expect(saved).toMatchObject({ title: plan.title, country: { code: 'GT' }, guidelines: [{ number: 18 }, { number: 19 }] });
      const changed = await call(
        PLAN,
        { i: { ...plan, id: saved.id, title: 'Plan ficticio de prueba, revisado', guidelines: [45] } },
        secretariat,
      );
      expect(changed.errors).toBeUndefined();
      const listed = (await call(PLANS, { c: 'GT' }, null)).data.country.nationalPlans as {
        id: string;
        title: string;
        guidelines: unknown[];
      }[];
      expect(listed.find((p) => p.id === saved.id)).toEqual({
        id: saved.id,
        title: 'Plan ficticio de prueba, revisado',
        startYear: 2020,
        guidelines: [{ number: 45 }],
      });
      const history = (await call(HISTORY, { s: saved.id }, secretariat)).data.reportHistory.nodes as { kind: string }[];
      expect(history.map((change) => change.kind)).toEqual(['PLAN_UPDATED', 'PLAN_CREATED']);
      // Another country's officer may neither change it nor record one for Guatemala.
      await refused(PLAN, { i: { ...plan, id: saved.id } }, mxOfficer, 'FORBIDDEN');
      await refused(PLAN, { i: { ...plan, country: 'MX', id: saved.id } }, mxOfficer, 'FORBIDDEN');
      await refused(PLAN, { i: plan }, mxOfficer, 'FORBIDDEN');
    });

    it('refuses bad plans field by field, writing nothing', async () => {
      await refused(PLAN, { i: plan }, null, 'UNAUTHENTICATED');
      await refused(PLAN, { i: { ...plan, endYear: 2019 } }, gtOfficer, 'BAD_USER_INPUT', 'endYear');
      await refused(PLAN, { i: { ...plan, url: 'javascript:alert(1)' } }, gtOfficer, 'BAD_USER_INPUT', 'url');
      await refused(PLAN, { i: { ...plan, guidelines: [99] } }, gtOfficer, 'BAD_USER_INPUT', 'guidelines');
      await refused(PLAN, { i: { ...plan, country: 'XX' } }, secretariat, 'BAD_USER_INPUT', 'country');
      await refused(PLAN, { i: { ...plan, id: NOBODY } }, secretariat, 'NOT_FOUND');
    });
  });

  describe('the demo reports', () => {
    it('shows the public the PUBLISHED demo reports of both periods only, and the Secretariat every one', async () => {
      const demo = async (who: Viewer | null) =>
        ((await call(LIST, { f: {} }, who)).data.countryReports.nodes as { status: string; period: { id: string } }[]).filter((r) =>
          ['2015-2016', '2017-2018'].includes(r.period.id),
        );
      const publicReports = await demo(null);
      expect(new Set(publicReports.map((r) => r.status))).toEqual(new Set(['PUBLISHED']));
      expect(new Set(publicReports.map((r) => r.period.id))).toEqual(new Set(['2015-2016', '2017-2018']));
      const all = await demo(secretariat);
      expect(new Set(all.map((r) => r.status))).toEqual(new Set(['PUBLISHED', 'DRAFT', 'SUBMITTED', 'RETURNED']));
      expect((await demo(gtOfficer)).filter((r) => r.status !== 'PUBLISHED').length).toBe(1);
    });
  });
});
