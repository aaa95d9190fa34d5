import type { ExecutionResult } from 'graphql';
import { demoAgreementId } from '../../services/agreements/demo';
import { agreementsSubgraph } from '../../services/agreements/subgraph';
import type { Viewer } from '../../services/platform/auth';
import { stableId } from '../../services/kit/ids';
import { viewer } from '../helpers/auth';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';

const FIELDS =
  'id title kind status summary signedOn entryIntoForce createdAt isDemo parties { country { code } authority { id } } guidelines { number }';
const CREATE = `mutation($input: AgreementInput!) { createAgreement(input: $input) { ${FIELDS} } }`;
const SET_STATUS = `mutation($id: ID!, $status: AgreementStatus!) { setAgreementStatus(id: $id, status: $status) { ${FIELDS} } }`;
const SIGN = `mutation($id: ID!, $country: ID!, $on: DateTime) { signAgreement(id: $id, country: $country, signedOn: $on) {
  ${FIELDS} parties { country { code } signedOn } } }`;
const TABLES = ['agreements', 'agreement_parties', 'agreement_guidelines', 'agreement_events', 'agreement_changes'];
const INJECTION = "'; DROP TABLE agreements; --";
const SCRIPT = '<script>alert("x")</script>';

const bilateral = (extra: Record<string, unknown> = {}) => ({
  title: 'Acuerdo Guatemala–México',
  kind: 'BILATERAL',
  parties: [{ country: 'GT' }, { country: 'MX' }],
  ...extra,
});
const parties = (...countries: string[]) => countries.map((country) => ({ country }));

interface EventRow {
  id: number;
  kind: string;
  agreement_id: string;
  party_countries: string;
  status: string;
  previous_status: string | null;
  party_country: string | null;
  at: unknown;
}

describe('agreement mutations (in process)', () => {
  let subgraph: SubgraphUnderTest;
  const gtOfficer = viewer('AUTHORITY', 'GT');
  const mxOfficer = viewer('AUTHORITY', 'MX');
  const coOfficer = viewer('AUTHORITY', 'CO');
  const secretariat = viewer('SECRETARIAT');
  const plainUser = viewer(null);

  beforeAll(async () => {
    subgraph = await openSubgraph(agreementsSubgraph);
  });
  afterAll(() => subgraph.close());

  const counts = () =>
    Promise.all(TABLES.map(async (table) => Number((await subgraph.db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)));
  const eventsSince = async (id: number): Promise<EventRow[]> =>
    subgraph.db.query(
      'SELECT id, kind, agreement_id, party_countries, status, previous_status, party_country, at FROM agreement_events WHERE id > ? ORDER BY id',
      [id],
    );
  const lastEventId = async () => Number((await subgraph.db.query('SELECT MAX(id) AS n FROM agreement_events'))[0].n ?? 0);
  const create = (input: Record<string, unknown>, who: Viewer | null) => subgraph.execute(CREATE, { input }, who);
  const setStatus = (id: string, status: string, who: Viewer | null) => subgraph.execute(SET_STATUS, { id, status }, who);
  const sign = (id: string, country: string, who: Viewer | null, on?: string) => subgraph.execute(SIGN, { id, country, on }, who);
  const code = (result: ExecutionResult) => result.errors?.[0].extensions?.code;

  /** Runs a mutation that must be refused, and checks it wrote nothing: no agreement, party or event. */
  async function refused(run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const before = await counts();
    const result = await run();
    expect(result.errors).toHaveLength(1);
    expect(result.data).toBeNull();
    expect(await counts()).toEqual(before);
    return result;
  }
  async function created(input: Record<string, unknown>, who: Viewer): Promise<Record<string, any>> {
    const result = await create(input, who);
    expect(result.errors).toBeUndefined();
    return result.data!.createAgreement as Record<string, any>;
  }
  async function signed(id: string, country: string, who: Viewer, on?: string): Promise<Record<string, any>> {
    const result = await sign(id, country, who, on);
    expect(result.errors).toBeUndefined();
    return result.data!.signAgreement as Record<string, any>;
  }
  /** A bilateral GT–MX agreement both parties signed, by the Secretariat. */
  const signedAgreement = async () => (await created(bilateral({ signedOn: '2020-01-02T00:00:00.000Z' }), secretariat)).id as string;
  async function changed(id: string, status: string, who: Viewer): Promise<Record<string, any>> {
    const result = await setStatus(id, status, who);
    expect(result.errors).toBeUndefined();
    return result.data!.setAgreementStatus as Record<string, any>;
  }

  describe('createAgreement', () => {
    describe('who may create', () => {
      it('refuses an anonymous caller with UNAUTHENTICATED and writes nothing', async () => {
        expect(code(await refused(() => create(bilateral(), null)))).toBe('UNAUTHENTICATED');
      });

      it('refuses a signed-in user with no role with FORBIDDEN', async () => {
        const result = await refused(() => create(bilateral(), plainUser));
        expect(code(result)).toBe('FORBIDDEN');
        expect(result.errors![0].message).toMatch(/AUTHORITY of a party country or the SECRETARIAT/);
      });

      it('refuses an AUTHORITY of one country an agreement between two other countries, and writes nothing', async () => {
        const result = await refused(() => create(bilateral({ parties: parties('CO', 'PE') }), gtOfficer));
        expect(code(result)).toBe('FORBIDDEN');
        expect(result.errors![0].message).toMatch(/\(GT\) is not among the parties \(CO, PE\)/);
        expect(code(await refused(() => create(bilateral({ parties: parties('co', 'pe') }), viewer('AUTHORITY', null))))).toBe('FORBIDDEN');
      });

      it('lets an AUTHORITY of a party country and the Secretariat create one', async () => {
        expect((await created(bilateral({ parties: parties('MX', 'gt') }), gtOfficer)).status).toBe('DRAFT');
        expect((await created(bilateral({ parties: parties('CO', 'PE') }), secretariat)).status).toBe('DRAFT');
      });
    });

    describe('what it creates', () => {
      it('registers a DRAFT now, parties in order and upper case, guidelines sorted once, with one CREATED event', async () => {
        const since = await lastEventId();
        const agreement = await created(
          {
            title: 'Convenio regional',
            kind: 'MULTILATERAL',
            summary: 'Cooperación regional.',
            parties: [{ country: 'pe' }, { country: 'BO' }, { country: 'gt' }],
            guidelines: [57, 5, 57, 16],
          },
          gtOfficer,
        );
        expect(agreement).toMatchObject({
          title: 'Convenio regional',
          kind: 'MULTILATERAL',
          status: 'DRAFT',
          summary: 'Cooperación regional.',
          signedOn: null,
          entryIntoForce: null,
          isDemo: false,
          parties: [
            { country: { code: 'PE' }, authority: null },
            { country: { code: 'BO' }, authority: null },
            { country: { code: 'GT' }, authority: null },
          ],
          guidelines: [{ number: 5 }, { number: 16 }, { number: 57 }],
        });
        expect(Date.now() - new Date(agreement.createdAt).getTime()).toBeLessThan(5000);
        const events = await eventsSince(since);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          kind: 'CREATED',
          agreement_id: agreement.id,
          status: 'DRAFT',
          previous_status: null,
          party_country: null,
        });
        expect(JSON.parse(events[0].party_countries)).toEqual(['PE', 'BO', 'GT']);
      });

      it('refuses signedOn or entryIntoForce from an AUTHORITY with FORBIDDEN naming the field, and writes nothing', async () => {
        for (const field of ['signedOn', 'entryIntoForce']) {
          const result = await refused(() => create(bilateral({ [field]: '2024-05-02T10:00:00.000Z' }), mxOfficer));
          expect(result.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field });
        }
      });

      it('lets the Secretariat record an agreement every party signed: SIGNED, every party signed on that date, one public CREATED', async () => {
        const since = await lastEventId();
        const agreement = await created(bilateral({ signedOn: '2024-05-02T10:00:00.000Z' }), secretariat);
        expect(agreement).toMatchObject({ status: 'SIGNED', signedOn: '2024-05-02T10:00:00.000Z', entryIntoForce: null });
        const { data } = await subgraph.execute(`{ agreement(id: "${agreement.id}") { parties { signedOn } } }`);
        expect(data!.agreement).toEqual({ parties: [{ signedOn: '2024-05-02T10:00:00.000Z' }, { signedOn: '2024-05-02T10:00:00.000Z' }] });
        expect(await eventsSince(since)).toMatchObject([{ kind: 'CREATED', status: 'SIGNED', previous_status: null }]);
      });

      it('starts IN_FORCE when entryIntoForce is past, and SIGNED with the date kept when it is to come', async () => {
        const past = await created(
          bilateral({ signedOn: '2020-01-02T00:00:00.000Z', entryIntoForce: '2021-03-01T00:00:00.000Z' }),
          secretariat,
        );
        expect(past).toMatchObject({ status: 'IN_FORCE', entryIntoForce: '2021-03-01T00:00:00.000Z' });
        const soon = new Date(Date.now() + 30 * 86_400_000);
        soon.setUTCMilliseconds(0);
        const future = await created(bilateral({ signedOn: '2020-01-02T00:00:00.000Z', entryIntoForce: soon.toISOString() }), secretariat);
        expect(future).toMatchObject({ status: 'SIGNED', entryIntoForce: soon.toISOString() });
        expect((await changed(future.id, 'IN_FORCE', gtOfficer)).entryIntoForce).toBe(soon.toISOString());
      });

      it.each([
        ['a signature date in the future', { signedOn: new Date(Date.now() + 86_400_000).toISOString() }, 'signedOn'],
        ['a signature date before 1990', { signedOn: '1989-12-31T00:00:00.000Z' }, 'signedOn'],
        ['an entry into force without a signature date', { entryIntoForce: '2020-01-02T00:00:00.000Z' }, 'entryIntoForce'],
        [
          'an entry into force before the signature',
          { signedOn: '2020-01-02T00:00:00.000Z', entryIntoForce: '2019-01-02T00:00:00.000Z' },
          'entryIntoForce',
        ],
      ])('refuses the Secretariat %s with BAD_USER_INPUT naming the field, and writes nothing', async (_, extra, field) => {
        const result = await refused(() => create(bilateral(extra), secretariat));
        expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      });

      it('stores SQL-injection and script strings verbatim, and every table survives', async () => {
        const agreement = await created(bilateral({ title: INJECTION, summary: SCRIPT }), gtOfficer);
        expect(agreement).toMatchObject({ title: INJECTION, summary: SCRIPT });
        const { data } = await subgraph.execute(
          'query($id: ID!) { agreement(id: $id) { title summary } }',
          { id: agreement.id },
          mxOfficer,
        );
        expect(data!.agreement).toEqual({ title: INJECTION, summary: SCRIPT });
        expect((await counts()).every((n) => n > 0)).toBe(true);
      });

      it('serves several creations at once, each with its event', async () => {
        const since = await lastEventId();
        const results = await Promise.all(Array.from({ length: 8 }, (_, i) => create(bilateral({ title: `Acuerdo ${i}` }), gtOfficer)));
        expect(results.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
        expect(await eventsSince(since)).toHaveLength(8);
      });
    });

    describe('validation', () => {
      const cases: [string, Record<string, unknown>, string, RegExp?][] = [
        ['a 1,000,000-character title', { title: 'x'.repeat(1_000_000) }, 'title'],
        ['a one-character title', { title: 'x' }, 'title'],
        ['a blank title', { title: '  \n ' }, 'title'],
        ['a 5,001-character summary', { summary: 's'.repeat(5001) }, 'summary'],
        ['10,000 guidelines', { guidelines: Array(10_000).fill(5) }, 'guidelines'],
        ['guideline 99', { guidelines: [5, 99] }, 'guidelines'],
        ['guideline 0', { guidelines: [0] }, 'guidelines'],
        ['a party that is not a Member State', { kind: 'MEMORANDUM', parties: parties('GT', 'XX') }, 'parties.1.country'],
        [
          'a party authority that is not a UUID',
          { parties: [{ country: 'GT' }, { country: 'MX', authorityId: "x' OR 1=1" }] },
          'parties.1.authorityId',
        ],
        ['36 parties', { kind: 'MULTILATERAL', parties: parties(...Array(36).fill('GT')) }, 'parties'],
        ['10,000 parties', { kind: 'MULTILATERAL', parties: parties(...Array(10_000).fill('GT')) }, 'parties'],
        [
          'a bilateral agreement with three parties',
          { parties: parties('GT', 'MX', 'SV') },
          'parties',
          /BILATERAL agreement has exactly two distinct/,
        ],
        ['a bilateral agreement with one party', { parties: parties('GT') }, 'parties', /BILATERAL agreement has exactly two distinct/],
        [
          'a multilateral agreement with one party',
          { kind: 'MULTILATERAL', parties: parties('GT') },
          'parties',
          /MULTILATERAL agreement needs at least two distinct/,
        ],
        ['a memorandum with no party', { kind: 'MEMORANDUM', parties: [] }, 'parties', /at least two distinct/],
        ['a country named twice', { kind: 'MULTILATERAL', parties: parties('GT', 'MX', 'gt') }, 'parties', /GT is named twice/],
        ['a bilateral agreement of a country with itself', { parties: parties('GT', 'gt') }, 'parties', /GT is named twice/],
      ];

      // rows of one length: jest takes a parameter beyond a row's values for a `done` callback
      const rows = cases.map(([name, extra, field, message]) => ({ name, extra, field, message }));
      it.each(rows)('refuses $name with BAD_USER_INPUT naming the field, and writes nothing', async ({ extra, field, message }) => {
        const result = await refused(() => create(bilateral(extra), gtOfficer));
        expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        if (message) expect(result.errors![0].message).toMatch(message);
        expect(result.errors![0].message.length).toBeLessThan(1000);
      });

      it('accepts 35 parties and 67 guidelines', async () => {
        const all = [
          'AG',
          'AR',
          'BS',
          'BB',
          'BZ',
          'BO',
          'BR',
          'CA',
          'CL',
          'CO',
          'CR',
          'CU',
          'DM',
          'DO',
          'EC',
          'SV',
          'GD',
          'GT',
          'GY',
          'HT',
          'HN',
          'JM',
          'MX',
          'NI',
          'PA',
          'PY',
          'PE',
          'KN',
          'LC',
          'VC',
          'SR',
          'TT',
          'US',
          'UY',
          'VE',
        ];
        const agreement = await created(
          { title: 'Todos', kind: 'MULTILATERAL', parties: parties(...all), guidelines: Array.from({ length: 67 }, (_, i) => 67 - i) },
          secretariat,
        );
        expect(agreement.parties).toHaveLength(35);
        expect(agreement.guidelines[0]).toEqual({ number: 1 });
      });
    });

    describe('a new draft', () => {
      let id: string;
      beforeAll(async () => {
        id = (await created(bilateral({ title: 'Borrador GT–MX', parties: parties('GT', 'MX') }), gtOfficer)).id;
      });
      const read = async (who: Viewer | null) =>
        (await subgraph.execute(`{ agreement(id: "${id}") { id status } }`, {}, who)).data!.agreement;
      const listed = async (who: Viewer | null) =>
        (
          (await subgraph.execute('{ agreements(filter: { status: DRAFT }, first: 100) { nodes { id } } }', {}, who)).data!
            .agreements as any
        ).nodes.map((n: { id: string }) => n.id);

      it('is read and listed by the authorities of its parties and by the Secretariat', async () => {
        for (const who of [gtOfficer, mxOfficer, secretariat]) {
          expect(await read(who)).toEqual({ id, status: 'DRAFT' });
          expect(await listed(who)).toContain(id);
        }
      });

      it('is neither read nor listed by anyone else', async () => {
        for (const who of [null, plainUser, coOfficer]) {
          expect(await read(who)).toBeNull();
          expect(await listed(who)).not.toContain(id);
        }
      });
    });
  });

  describe('signAgreement', () => {
    it('makes a GT–MX bilateral SIGNED only when both have signed, one PARTY_SIGNED event each', async () => {
      const id = (await created(bilateral({ title: 'Firma GT–MX' }), gtOfficer)).id;
      const since = await lastEventId();
      const first = await signed(id, 'gt', gtOfficer, '2025-03-01T10:00:00.000Z');
      expect(first).toMatchObject({ status: 'DRAFT', signedOn: null });
      expect(first.parties.map((p: { signedOn: string | null }) => p.signedOn)).toEqual(['2025-03-01T10:00:00.000Z', null]);
      const second = await signed(id, 'MX', mxOfficer, '2025-02-20T00:00:00.000Z');
      // signedOn is the latest party's date, whichever signed last
      expect(second).toMatchObject({ status: 'SIGNED', signedOn: '2025-03-01T10:00:00.000Z' });
      expect((await eventsSince(since)).map((e) => [e.kind, e.party_country, e.previous_status, e.status])).toEqual([
        ['PARTY_SIGNED', 'GT', 'DRAFT', 'DRAFT'],
        ['PARTY_SIGNED', 'MX', 'DRAFT', 'SIGNED'],
      ]);
    });

    it('signs now when no date is given', async () => {
      const id = (await created(bilateral(), gtOfficer)).id;
      const party = (await signed(id, 'GT', secretariat)).parties[0];
      expect(Math.abs(Date.now() - new Date(party.signedOn).getTime())).toBeLessThan(5000);
    });

    it('refuses an officer of a third country, or of the other party, with FORBIDDEN, and writes nothing', async () => {
      const id = (await created(bilateral(), gtOfficer)).id;
      for (const country of ['GT', 'MX']) expect(code(await refused(() => sign(id, country, coOfficer)))).toBe('FORBIDDEN');
      expect(code(await refused(() => sign(id, 'MX', gtOfficer)))).toBe('FORBIDDEN');
      expect(code(await refused(() => sign(id, 'GT', plainUser)))).toBe('FORBIDDEN');
      expect(code(await refused(() => sign(id, 'GT', null)))).toBe('UNAUTHENTICATED');
    });

    it('answers NOT_FOUND for an unknown id and a draft its country is no party to', async () => {
      expect(code(await refused(() => sign(stableId('nothing'), 'GT', secretariat)))).toBe('NOT_FOUND');
      const ours = (await created(bilateral({ parties: parties('CO', 'PE') }), secretariat)).id;
      expect(code(await refused(() => sign(ours, 'GT', gtOfficer)))).toBe('NOT_FOUND');
    });

    it('refuses a country that is no party, a second signature, a future or too old date, and a signed agreement, naming the field', async () => {
      const id = (await created(bilateral(), gtOfficer)).id;
      await signed(id, 'GT', gtOfficer, '2025-01-01T00:00:00.000Z');
      const cases: [() => Promise<ExecutionResult>, string, RegExp][] = [
        [() => sign(id, 'SV', secretariat), 'country', /SV is not a party to this agreement \(GT, MX\)/],
        [() => sign(id, 'XX', secretariat), 'country', /not the ISO code/],
        [() => sign(id, 'GT', gtOfficer), 'country', /GT already signed this agreement, on 2025-01-01/],
        [() => sign(id, 'MX', mxOfficer, new Date(Date.now() + 3_600_000).toISOString()), 'signedOn', /future/],
        [() => sign(id, 'MX', mxOfficer, '1989-06-01T00:00:00.000Z'), 'signedOn', /before 1990/],
        [() => sign(demoAgreementId('training-co-pe'), 'CO', secretariat), 'id', /Only a DRAFT is signed; this agreement is SIGNED/],
      ];
      for (const [run, field, message] of cases) {
        const result = await refused(run);
        expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(result.errors![0].message).toMatch(message);
      }
    });

    it('tolerates a minute of clock skew, recording now', async () => {
      const id = (await created(bilateral(), gtOfficer)).id;
      const party = (await signed(id, 'GT', gtOfficer, new Date(Date.now() + 20_000).toISOString())).parties[0];
      expect(new Date(party.signedOn).getTime()).toBeLessThanOrEqual(Date.now());
    });

    it('records one of two simultaneous signatures of the same party', async () => {
      const id = (await created(bilateral(), gtOfficer)).id;
      const since = await lastEventId();
      const results = await Promise.all([sign(id, 'GT', gtOfficer), sign(id, 'GT', secretariat)]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(await eventsSince(since)).toHaveLength(1);
    });
  });

  describe('setAgreementStatus', () => {
    it('refuses an anonymous caller with UNAUTHENTICATED and a user with no role with FORBIDDEN', async () => {
      const id = (await created(bilateral(), gtOfficer)).id;
      expect(code(await refused(() => setStatus(id, 'WITHDRAWN', null)))).toBe('UNAUTHENTICATED');
      expect(code(await refused(() => setStatus(id, 'WITHDRAWN', plainUser)))).toBe('FORBIDDEN');
      expect(code(await refused(() => setStatus(demoAgreementId('bilateral-gt-mx'), 'SUSPENDED', plainUser)))).toBe('FORBIDDEN');
    });

    it('answers NOT_FOUND for an unknown or malformed id and for a draft the caller may not read', async () => {
      const id = (await created(bilateral(), gtOfficer)).id;
      expect(code(await refused(() => setStatus(stableId('nothing'), 'WITHDRAWN', secretariat)))).toBe('NOT_FOUND');
      expect(code(await refused(() => setStatus("' OR 1=1 --", 'WITHDRAWN', secretariat)))).toBe('NOT_FOUND');
      expect(code(await refused(() => setStatus(id, 'WITHDRAWN', coOfficer)))).toBe('NOT_FOUND');
    });

    it('refuses an AUTHORITY of another country an agreement it can read with FORBIDDEN', async () => {
      expect(code(await refused(() => setStatus(demoAgreementId('training-co-pe'), 'IN_FORCE', gtOfficer)))).toBe('FORBIDDEN');
    });

    it('walks SIGNED to IN_FORCE to SUSPENDED and back, each event recording its statuses before and after', async () => {
      const id = await signedAgreement();
      const since = await lastEventId();
      const inForce = await changed(id, 'IN_FORCE', gtOfficer);
      expect(inForce).toMatchObject({ status: 'IN_FORCE', signedOn: '2020-01-02T00:00:00.000Z' });
      expect(Date.now() - new Date(inForce.entryIntoForce).getTime()).toBeLessThan(5000);
      expect((await changed(id, 'SUSPENDED', secretariat)).status).toBe('SUSPENDED');
      const again = await changed(id, 'IN_FORCE', mxOfficer);
      expect(again).toMatchObject({ status: 'IN_FORCE', entryIntoForce: inForce.entryIntoForce });
      const events = await eventsSince(since);
      expect(events.map((e) => [e.kind, e.agreement_id, e.previous_status, e.status])).toEqual([
        ['STATUS_CHANGED', id, 'SIGNED', 'IN_FORCE'],
        ['STATUS_CHANGED', id, 'IN_FORCE', 'SUSPENDED'],
        ['STATUS_CHANGED', id, 'SUSPENDED', 'IN_FORCE'],
      ]);
      expect(events.every((e) => JSON.parse(e.party_countries).join() === 'GT,MX')).toBe(true);
    });

    it('refuses an illegal change with BAD_USER_INPUT naming the changes allowed, and writes nothing', async () => {
      const draft = (await created(bilateral(), gtOfficer)).id;
      const refusedWith = async (agreementId: string, status: string, message: string) => {
        const result = await refused(() => setStatus(agreementId, status, secretariat));
        expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
        expect(result.errors![0].message).toContain(message);
      };
      await refusedWith(
        draft,
        'SIGNED',
        'From DRAFT the status can become WITHDRAWN. It becomes SIGNED when its last party signs (signAgreement).',
      );
      await refusedWith(draft, 'TERMINATED', 'From DRAFT the status can become WITHDRAWN.');
      await refusedWith(draft, 'IN_FORCE', 'From DRAFT the status can become WITHDRAWN.');
      await refusedWith(draft, 'DRAFT', 'The agreement is already DRAFT.');
      await refusedWith(demoAgreementId('training-co-pe'), 'SUSPENDED', 'From SIGNED the status can become IN_FORCE or TERMINATED.');
      await refusedWith(demoAgreementId('training-co-pe'), 'WITHDRAWN', 'From SIGNED the status can become IN_FORCE or TERMINATED.');
      await refusedWith(demoAgreementId('bilateral-gt-mx'), 'SIGNED', 'From IN_FORCE the status can become SUSPENDED or TERMINATED.');
      await refusedWith(demoAgreementId('andean-data'), 'DRAFT', 'From SUSPENDED the status can become IN_FORCE or TERMINATED.');
      for (const status of ['DRAFT', 'SIGNED', 'IN_FORCE', 'SUSPENDED', 'TERMINATED', 'WITHDRAWN']) {
        await refusedWith(demoAgreementId('joint-team-ht-mx'), status, 'A TERMINATED agreement keeps its status for good.');
        await refusedWith(demoAgreementId('withdrawn-pe-py'), status, 'A WITHDRAWN agreement keeps its status for good.');
      }
    });

    it('applies one of two simultaneous changes of the same agreement, with one event', async () => {
      const agreement = await signedAgreement();
      const since = await lastEventId();
      const results = await Promise.all([setStatus(agreement, 'IN_FORCE', gtOfficer), setStatus(agreement, 'IN_FORCE', mxOfficer)]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map(code)).toEqual(['BAD_USER_INPUT']);
      const events = await eventsSince(since);
      expect(events).toHaveLength(1);
      const { data } = await subgraph.execute(`{ agreement(id: "${agreement}") { status } }`, {}, secretariat);
      expect(data!.agreement).toEqual({ status: events[0].status });
    });

    it('terminates from SIGNED, IN_FORCE and SUSPENDED, and nothing follows', async () => {
      for (const from of [[], ['IN_FORCE'], ['IN_FORCE', 'SUSPENDED']]) {
        const agreement = await signedAgreement();
        for (const status of from) await changed(agreement, status, secretariat);
        expect((await changed(agreement, 'TERMINATED', gtOfficer)).status).toBe('TERMINATED');
        expect(code(await refused(() => setStatus(agreement, 'IN_FORCE', secretariat)))).toBe('BAD_USER_INPUT');
      }
    });

    it('withdraws a draft, signed by some parties or none: it stays hidden from the public, and can no longer be signed', async () => {
      const id = (await created(bilateral({ title: 'Retirado GT–MX' }), gtOfficer)).id;
      await signed(id, 'GT', gtOfficer);
      const since = await lastEventId();
      expect((await changed(id, 'WITHDRAWN', mxOfficer)).status).toBe('WITHDRAWN');
      expect(await eventsSince(since)).toMatchObject([{ kind: 'STATUS_CHANGED', previous_status: 'DRAFT', status: 'WITHDRAWN' }]);
      for (const who of [null, plainUser, coOfficer]) {
        expect((await subgraph.execute(`{ agreement(id: "${id}") { id } }`, {}, who)).data!.agreement).toBeNull();
      }
      expect((await subgraph.execute(`{ agreement(id: "${id}") { status } }`, {}, mxOfficer)).data!.agreement).toEqual({
        status: 'WITHDRAWN',
      });
      expect(code(await refused(() => sign(id, 'MX', mxOfficer)))).toBe('BAD_USER_INPUT');
    });
  });
});
