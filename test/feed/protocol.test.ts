import { AgreementEvent, AgreementEventKind } from '../../services/agreements/entities/agreement-event.entity';
import { AgreementStatus } from '../../services/agreements/entities/agreement.entity';
import { agreementsSubgraph } from '../../services/agreements/subgraph';
import { startSubgraph, type RunningSubgraph } from '../../services/kit/subgraph';
import { verifyAuthorization } from '../../services/platform/auth';
import { feedKeyHeader } from '../../services/platform/feed-key';
import { testVerifyingKey, tokenFor, viewer } from '../helpers/auth';
import { cleanUp, testConfig, TEST_FEED_KEY } from '../helpers/config';

/** The primary operation the gateway's planner makes of a client's agreementEvents subscription. */
const FEED = `subscription Feed($filter: AgreementEventFilter) {
  agreementEvents(filter: $filter) { id kind status agreement { title status } }
}`;
const CREATE = `mutation($title: String!, $a: ID!, $b: ID!) {
  createAgreement(input: { title: $title, kind: BILATERAL, parties: [{ country: $a }, { country: $b }] }) { id }
}`;
const SIGN = 'mutation($id: ID!, $country: ID!) { signAgreement(id: $id, country: $country) { id } }';

const secretariat = `Bearer ${tokenFor(viewer('SECRETARIAT'))}`;
const officerGT = `Bearer ${tokenFor(viewer('AUTHORITY', 'GT'))}`;
const feedKey = feedKeyHeader(TEST_FEED_KEY);

describe("a subgraph's live-feed protocol", () => {
  let agreements: RunningSubgraph;
  let config: Awaited<ReturnType<typeof testConfig>>;
  const base = () => agreements.url.replace(/\/graphql$/, '');

  const call = async (path: string, options: { authorization?: string; body?: unknown; method?: string } = {}) => {
    const response = await fetch(`${base()}${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: { 'content-type': 'application/json', ...(options.authorization ? { authorization: options.authorization } : {}) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const graphql = async (query: string, variables: Record<string, unknown>, authorization = secretariat) => {
    const { body } = await call('/graphql', { authorization, body: { query, variables } });
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const events = (authorization: string | undefined, variables: Record<string, unknown>, after: string, until: string) =>
    call('/feeds/agreementEvents/events', { authorization, body: { query: FEED, variables, after, until } });
  const kinds = (answer: { body: any }) =>
    answer.body.events.map((event: any) => `${event.data.agreementEvents.agreement.title}:${event.data.agreementEvents.kind}`);

  beforeAll(async () => {
    config = await testConfig({ SEED_DEMO: 'false' });
    agreements = await startSubgraph(agreementsSubgraph, config, 0);
    // Events 1-3 of a draft between GT and SV, signed by GT, then by SV (SIGNED); event 4, a draft between AR and BR.
    const { createAgreement: gtsv } = await graphql(CREATE, { title: 'GT-SV', a: 'GT', b: 'SV' });
    await graphql(SIGN, { id: gtsv.id, country: 'GT' });
    await graphql(SIGN, { id: gtsv.id, country: 'SV' });
    await graphql(CREATE, { title: 'AR-BR', a: 'AR', b: 'BR' });
  });
  afterAll(async () => {
    await agreements.stop();
    await cleanUp(config);
  });

  describe('head', () => {
    it("answers the newest event id to the gateway's feed key", async () => {
      expect(await call('/feeds/agreementEvents/head', { authorization: feedKey })).toEqual({ status: 200, body: { head: '4' } });
    });

    it("refuses a caller without the key, with a user's token (even the Secretariat's) or a wrong key", async () => {
      const anonymous = await call('/feeds/agreementEvents/head');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      const user = await call('/feeds/agreementEvents/head', { authorization: secretariat });
      expect(user.status).toBe(403);
      expect(user.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const forged = await call('/feeds/agreementEvents/head', {
        authorization: feedKeyHeader('another-feed-key-that-is-long-enough-1234'),
      });
      expect(forged.status).toBe(401);
      expect(JSON.stringify([anonymous, user, forged])).not.toContain('"head"');
    });

    it('knows only the feeds the subgraph declares', async () => {
      const unknown = await call('/feeds/somethingElse/head', { authorization: feedKey });
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('start', () => {
    const start = (variables: Record<string, unknown>, authorization?: string, query = FEED) =>
      call('/feeds/agreementEvents/start', { authorization, body: { query, variables } });

    it('says where a subscription starts: live from now, or after the event it names', async () => {
      expect(await start({})).toEqual({ status: 200, body: { after: null } });
      expect(await start({ filter: { country: 'gt', after: '2' } }, officerGT)).toEqual({ status: 200, body: { after: '2' } });
    });

    it('refuses a country that is no Member State and a malformed `after` with BAD_USER_INPUT', async () => {
      const country = await start({ filter: { country: 'XX' } });
      expect(country.status).toBe(400);
      expect(country.body.errors[0]).toMatchObject({
        message: '"XX" is not the ISO code of an OAS Member State.',
        extensions: { code: 'BAD_USER_INPUT', field: 'filter.country' },
      });
      const after = await start({ filter: { after: 'yesterday' } });
      expect(after.body.errors[0]).toMatchObject({
        message: '`after` is the id of an event, e.g. "42".',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it("refuses what is not a subscription of this feed's field, with the code a query would get", async () => {
      expect((await start({}, undefined, '{ lastAgreementEventId }')).body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect((await start({}, undefined, 'subscription { agreementEvents { nope } }')).body.errors[0].extensions.code).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
      expect((await start({ filter: { kinds: ['NOPE'] } })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it("refuses a forged token, and the feed key, which is nobody's", async () => {
      for (const authorization of ['Bearer forged', feedKey]) {
        const refused = await start({}, authorization);
        expect(refused.status).toBe(401);
        expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('events', () => {
    it('resolves, oldest first, the events each viewer may see: a draft only for the Secretariat and its parties', async () => {
      expect(kinds(await events(secretariat, {}, '0', '4'))).toEqual([
        'GT-SV:CREATED',
        'GT-SV:PARTY_SIGNED',
        'GT-SV:PARTY_SIGNED',
        'AR-BR:CREATED',
      ]);
      expect(kinds(await events(officerGT, {}, '0', '4'))).toEqual(['GT-SV:CREATED', 'GT-SV:PARTY_SIGNED', 'GT-SV:PARTY_SIGNED']);
      const anonymous = await events(undefined, {}, '0', '4');
      // the public learns of the agreement from its first event out of DRAFT: the last signature
      expect(kinds(anonymous)).toEqual(['GT-SV:PARTY_SIGNED']);
      expect(anonymous.body.events[0].id).toBe('3');
      expect(JSON.stringify(anonymous.body)).not.toContain('DRAFT');
      expect(anonymous.body.last).toBe('4');
    });

    it("answers each event as the subscription's own selection, with its id and the status it recorded", async () => {
      const { body } = await events(officerGT, { filter: { kinds: ['CREATED'] } }, '0', '4');
      expect(body).toEqual({
        events: [
          {
            id: '1',
            data: { agreementEvents: { id: '1', kind: 'CREATED', status: 'DRAFT', agreement: { title: 'GT-SV', status: 'SIGNED' } } },
          },
        ],
        last: '4',
      });
    });

    it("applies the subscription's arguments, and reads only the ids asked for", async () => {
      expect(kinds(await events(secretariat, { filter: { country: 'BR' } }, '0', '4'))).toEqual(['AR-BR:CREATED']);
      expect(kinds(await events(secretariat, {}, '1', '2'))).toEqual(['GT-SV:PARTY_SIGNED']);
    });

    it('refuses a forged token, the feed key and ids that are not event ids', async () => {
      expect((await events('Bearer forged', {}, '0', '4')).status).toBe(401);
      expect((await events(feedKey, {}, '0', '4')).status).toBe(401);
      const bad = await events(secretariat, {}, 'zero', '4');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

    it('examines at most 100 events a call and says after which one to go on', async () => {
      // 120 more events of the signed agreement, written as events.ts would, and the sequence moved past them.
      const [signed] = await agreements.db.getRepository(AgreementEvent).findBy({ id: 3 });
      const rows = Array.from({ length: 120 }, (_, i) => ({
        ...signed,
        id: 5 + i,
        kind: AgreementEventKind.STATUS_CHANGED,
        previousStatus: i % 2 ? AgreementStatus.SUSPENDED : AgreementStatus.IN_FORCE,
        status: i % 2 ? AgreementStatus.IN_FORCE : AgreementStatus.SUSPENDED,
      }));
      await agreements.db.getRepository(AgreementEvent).insert(rows);
      await agreements.db.query("UPDATE agreement_event_sequence SET value = 124 WHERE name = 'events'");
      const first = await events(undefined, {}, '4', '124');
      expect(first.body.events).toHaveLength(100);
      expect(first.body.last).toBe('104');
      const rest = await events(undefined, {}, first.body.last, '124');
      expect(rest.body.events.map((event: any) => event.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(105 + i)));
      expect(rest.body.last).toBe('124');
    });
  });

  describe('the feed key', () => {
    it("is nobody's token: no GraphQL endpoint accepts it", async () => {
      expect(() => verifyAuthorization(feedKey, testVerifyingKey)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
      );
      // A GraphQL request answers a token it does not accept as it would an anonymous caller: the key adds nothing.
      const query = { query: '{ agreementEventLog { id } }' };
      const withCredential = await call('/graphql', { authorization: feedKey, body: query });
      const anonymous = await call('/graphql', { body: query });
      expect(withCredential).toEqual(anonymous);
    });
  });
});
