import type { Viewer } from '../../services/platform/auth';
import { demoReports } from '../../services/reports/demo';
import { ReportStatus } from '../../services/reports/entities/country-report.entity';
import { asViewer, tokenFor, viewer } from '../helpers/auth';
import { FeedClient } from '../helpers/feed-client';
import { startGraph, type TestGraph } from '../helpers/graph';

const EVENT = 'id kind status at country { code } period { id } report { id status }';
const FEED = `subscription($f: ReportEventFilter) { reportEvents(filter: $f) { ${EVENT} } }`;
const LOG = `query($a: ID, $f: ReportEventFilter) { reportEventLog(after: $a, filter: $f) { ${EVENT} } }`;
const LAST = '{ lastReportEventId }';
const PERIOD = 'mutation($i: ReportingPeriodInput!) { createReportingPeriod(input: $i) { id } }';
const SAVE = 'mutation($c: ID!, $p: ID!, $i: IndicatorEntryInput!) { saveIndicatorEntry(country: $c, period: $p, input: $i) { id } }';
const SUBMIT = 'mutation($c: ID!, $p: ID!) { submitReport(country: $c, period: $p) { id status } }';
const RETURN = 'mutation($id: ID!, $n: String!) { returnReport(id: $id, note: $n) { status } }';
const PUBLISH = 'mutation($id: ID!) { publishReport(id: $id) { status } }';

type Event = {
  id: string;
  kind: string;
  status: string;
  at: string;
  country: { code: string };
  period: { id: string };
  report: { id: string; status: string } | null;
};

/** Issue 18: reportEvents, the feed of publications, served by the gateway as any subgraph's feed. */
describe('the feed of publications through the gateway', () => {
  let graph: TestGraph;
  const clients: FeedClient[] = [];
  const secretariat = viewer('SECRETARIAT');
  const gtOfficer = viewer('AUTHORITY', 'GT');
  const mxOfficer = viewer('AUTHORITY', 'MX');
  const signedIn = viewer();

  beforeAll(async () => {
    graph = await startGraph({ MUTATION_RATE_LIMIT: '100000' });
    for (const id of ['2019-2020', '2021-2022']) {
      const year = Number(id.slice(0, 4));
      const i = { id, name: `Bienio ${id}`, startsOn: `${year}-01-01T00:00:00.000Z`, endsOn: `${year + 1}-12-31T00:00:00.000Z` };
      expect((await graph.query(PERIOD, { i }, asViewer(secretariat))).body.errors).toBeUndefined();
    }
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => graph?.stop());

  const ok = async (query: string, variables: Record<string, unknown>, who: Viewer | null): Promise<any> => {
    const { body } = await graph.query(query, variables, who ? asViewer(who) : {});
    expect(body.errors).toBeUndefined();
    return Object.values(body.data)[0];
  };
  const connect = async (who: Viewer | null) => {
    const client = await FeedClient.connect(graph.url, who ? `Bearer ${tokenFor(who)}` : undefined);
    clients.push(client);
    return client;
  };
  /** Subscribes and gives the gateway time to start the subscription, so that what follows is live. */
  const subscribed = async (who: Viewer | null, filter: Record<string, unknown> = {}) => {
    const client = await connect(who);
    client.subscribe('feed', FEED, { f: filter });
    await new Promise((resolve) => setTimeout(resolve, 400));
    return client;
  };
  /** The events received up to (and with) the first one that `last` matches: in id order, so nothing else is on its way before it. */
  const receivedUntil = async (client: FeedClient, last: (event: Event) => boolean): Promise<Event[]> => {
    await client.waitFor((m) => m.id === 'feed' && m.type === 'next' && last(m.payload.data?.reportEvents), 5000);
    return client.events('feed').map((payload) => {
      expect(payload.errors).toBeUndefined();
      return payload.data.reportEvents as Event;
    });
  };
  const summary = (events: Event[]) => events.map((e) => `${e.country.code} ${e.period.id} ${e.kind} ${e.status}`);
  /** A report of `country` for `period`: saved, submitted, returned, submitted again and published. Its id. */
  const cycle = async (country: string, period: string, officer: Viewer) => {
    await ok(SAVE, { c: country, p: period, i: { indicatorId: '18-a', progress: 'IN_PROGRESS' } }, officer);
    const { id } = await ok(SUBMIT, { c: country, p: period }, officer);
    await ok(RETURN, { id, n: 'Añadan la evidencia.' }, secretariat);
    await ok(SUBMIT, { c: country, p: period }, officer);
    await ok(PUBLISH, { id }, secretariat);
    return id as string;
  };

  describe('live', () => {
    it("delivers each move to those who may read the report: all of them to the country's officers and the Secretariat, the publication to everyone", async () => {
      const watchers = {
        anonymous: await subscribed(null),
        'signed in': await subscribed(signedIn),
        'other officer': await subscribed(mxOfficer),
        'own officer': await subscribed(gtOfficer),
        secretariat: await subscribed(secretariat),
      };
      const id = await cycle('GT', '2019-2020', gtOfficer);
      const published = (e: Event) => e.kind === 'PUBLISHED' && e.report?.id === id;
      const whole = ['SUBMITTED SUBMITTED', 'RETURNED RETURNED', 'SUBMITTED SUBMITTED', 'PUBLISHED PUBLISHED'].map(
        (s) => `GT 2019-2020 ${s}`,
      );
      const seen: Record<string, string[]> = {};
      for (const [name, client] of Object.entries(watchers)) seen[name] = summary(await receivedUntil(client, published));
      expect(seen).toEqual({
        anonymous: ['GT 2019-2020 PUBLISHED PUBLISHED'],
        'signed in': ['GT 2019-2020 PUBLISHED PUBLISHED'],
        'other officer': ['GT 2019-2020 PUBLISHED PUBLISHED'],
        'own officer': whole,
        secretariat: whole,
      });
      const [event] = watchers.anonymous.events('feed').map((payload) => payload.data.reportEvents as Event);
      expect(event.report).toEqual({ id, status: 'PUBLISHED' });
      expect(Date.parse(event.at)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('receives only what the filter asks: a country, a period, some kinds', async () => {
      const byKind = await subscribed(secretariat, { kinds: ['RETURNED'] });
      const byCountry = await subscribed(secretariat, { country: 'mx' });
      const byPeriod = await subscribed(secretariat, { period: '2021-2022' });
      await cycle('GT', '2021-2022', gtOfficer);
      const mxId = await cycle('MX', '2019-2020', mxOfficer);
      const mxPublished = (e: Event) => e.kind === 'PUBLISHED' && e.report?.id === mxId;
      await receivedUntil(byCountry, mxPublished);
      // MX's cycle was written last: had a filter let one of its events through, it would have come by now.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const received = (client: FeedClient) => summary(client.events('feed').map((payload) => payload.data.reportEvents));
      expect(received(byKind)).toEqual(['GT 2021-2022 RETURNED RETURNED', 'MX 2019-2020 RETURNED RETURNED']);
      expect(received(byCountry)).toEqual(
        ['SUBMITTED', 'RETURNED', 'SUBMITTED', 'PUBLISHED'].map((kind) => `MX 2019-2020 ${kind} ${kind}`),
      );
      expect(received(byPeriod)).toEqual(['SUBMITTED', 'RETURNED', 'SUBMITTED', 'PUBLISHED'].map((kind) => `GT 2021-2022 ${kind} ${kind}`));
    });

    it('refuses a country or a period that does not exist, as an error of that subscription', async () => {
      const client = await connect(null);
      client.subscribe('country', FEED, { f: { country: 'XX' } });
      client.subscribe('period', FEED, { f: { period: '1999-2000' } });
      const [country, period] = [await client.waitFor((m) => m.id === 'country'), await client.waitFor((m) => m.id === 'period')];
      expect(country.type).toBe('error');
      expect(country.payload[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'filter.country' }));
      expect(period.type).toBe('error');
      expect(period.payload[0]).toEqual(
        expect.objectContaining({
          message: 'There is no reporting period "1999-2000".',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      );
    });
  });

  describe('replay', () => {
    /** What a subscriber replays after "0": up to the newest event the log gives it for the same filter (read first, as nothing is written meanwhile). */
    const replayed = async (who: Viewer | null, filter: Record<string, unknown>) => {
      const log: Event[] = await ok(LOG, { a: '0', f: filter }, who);
      const client = await connect(who);
      client.subscribe('feed', FEED, { f: { ...filter, after: '0' } });
      if (log.length > 0) return receivedUntil(client, (e) => e.id === log[log.length - 1].id);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return client.events('feed').map((payload) => payload.data.reportEvents as Event);
    };

    it('replays the demo reports from the first event: the public sees their publications, in order', async () => {
      const { reports } = demoReports();
      const publishedDemo = reports
        .filter((r) => r.status === ReportStatus.PUBLISHED)
        .map((r) => `${r.countryCode} ${r.periodId} PUBLISHED PUBLISHED`)
        .sort();
      const events = await replayed(null, { period: '2015-2016' });
      expect(summary(events).sort()).toEqual(publishedDemo.filter((s) => s.includes('2015-2016')));
      expect(events.map((e) => Number(e.id))).toEqual([...events.map((e) => Number(e.id))].sort((a, b) => a - b));
    });

    it("gives a country's officer the whole history of its report with the status recorded at each event, and the report as it is now", async () => {
      const events = await replayed(gtOfficer, { country: 'GT' });
      expect(summary(events)).toEqual([
        'GT 2015-2016 SUBMITTED SUBMITTED',
        'GT 2015-2016 PUBLISHED PUBLISHED',
        ...['SUBMITTED', 'RETURNED', 'SUBMITTED', 'PUBLISHED'].map((kind) => `GT 2019-2020 ${kind} ${kind}`),
        ...['SUBMITTED', 'RETURNED', 'SUBMITTED', 'PUBLISHED'].map((kind) => `GT 2021-2022 ${kind} ${kind}`),
      ]);
      expect(new Set(events.map((e) => e.report!.status))).toEqual(new Set(['PUBLISHED']));
      const ats = events.map((e) => Date.parse(e.at));
      expect(ats).toEqual([...ats].sort((a, b) => a - b));
    });

    it("keeps another country's submissions and returns from an officer, on replay as live", async () => {
      const events = await replayed(mxOfficer, { country: 'CO' });
      expect(summary(events)).toEqual(['CO 2015-2016 PUBLISHED PUBLISHED']);
      const all = await replayed(secretariat, { country: 'CO' });
      expect(summary(all)).toEqual([
        'CO 2015-2016 SUBMITTED SUBMITTED',
        'CO 2015-2016 PUBLISHED PUBLISHED',
        'CO 2017-2018 SUBMITTED SUBMITTED',
      ]);
    });

    it('shows a publication returned for a correction as published then, with no report for the public now', async () => {
      await ok(SAVE, { c: 'MX', p: '2021-2022', i: { indicatorId: '18-a', progress: 'ACHIEVED' } }, mxOfficer);
      const { id } = await ok(SUBMIT, { c: 'MX', p: '2021-2022' }, mxOfficer);
      await ok(PUBLISH, { id }, secretariat);
      await ok(RETURN, { id, n: 'Corrijan el indicador 18-a.' }, secretariat);
      const [event, ...others] = await replayed(null, { country: 'MX', period: '2021-2022' });
      expect(others).toEqual([]);
      expect(event).toEqual(expect.objectContaining({ kind: 'PUBLISHED', status: 'PUBLISHED', report: null }));
      const own = await replayed(mxOfficer, { country: 'MX', period: '2021-2022' });
      expect(summary(own)).toEqual(['SUBMITTED', 'PUBLISHED', 'RETURNED'].map((kind) => `MX 2021-2022 ${kind} ${kind}`));
      expect(own.map((e) => e.report)).toEqual(own.map(() => ({ id, status: 'RETURNED' })));
    });
  });

  describe('the log over HTTP', () => {
    it('reads the same events as the replay, with the same visibility', async () => {
      const log = async (who: Viewer | null) => summary(await ok(LOG, { a: '0', f: { country: 'GT', period: '2019-2020' } }, who));
      expect(await log(null)).toEqual(['GT 2019-2020 PUBLISHED PUBLISHED']);
      expect(await log(mxOfficer)).toEqual(['GT 2019-2020 PUBLISHED PUBLISHED']);
      expect(await log(gtOfficer)).toEqual(
        ['SUBMITTED', 'RETURNED', 'SUBMITTED', 'PUBLISHED'].map((kind) => `GT 2019-2020 ${kind} ${kind}`),
      );
    });

    it('tells each caller the newest event it may see, no newer', async () => {
      const everything = await ok(LOG, { a: '0' }, secretariat);
      const publicOnes = await ok(LOG, { a: '0' }, null);
      expect(await ok(LAST, {}, secretariat)).toBe(everything[everything.length - 1].id);
      expect(await ok(LAST, {}, null)).toBe(publicOnes[publicOnes.length - 1].id);
      expect(publicOnes.every((e: Event) => e.kind === 'PUBLISHED')).toBe(true);
    });
  });
});
