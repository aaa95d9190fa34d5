import { demoAgreementId, demoAgreements } from '../../services/agreements/demo';
import { Agreement } from '../../services/agreements/entities/agreement.entity';
import { AgreementParty } from '../../services/agreements/entities/agreement-party.entity';
import { agreementsSubgraph } from '../../services/agreements/subgraph';
import type { Viewer } from '../../services/platform/auth';
import { statementCount } from '../../services/kit/statements';
import { demoAuthorityId } from '../../services/kit/demo-ids';
import { stableId } from '../../services/kit/ids';
import { openSubgraph, SubgraphUnderTest, pageThrough } from '../helpers/subgraph';

type Page = {
  totalCount: number;
  nodes: { id: string; title: string; status: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
};

const PUBLIC_DEMO = 7;
const DRAFT_ID = demoAgreementId('extradition-gt-co');
const WITHDRAWN_ID = demoAgreementId('withdrawn-pe-py');
const gtOfficer: Viewer = { id: stableId('test:user:gt'), role: 'AUTHORITY', country: 'GT', authorityId: null };
const mxOfficer: Viewer = { id: stableId('test:user:mx'), role: 'AUTHORITY', country: 'MX', authorityId: null };
const secretariat: Viewer = { id: stableId('test:user:sec'), role: 'SECRETARIAT', country: null, authorityId: null };
const plainUser: Viewer = { id: stableId('test:user:plain'), role: null, country: null, authorityId: null };

describe('agreements subgraph', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(agreementsSubgraph);
  });
  afterAll(() => subgraph.close());

  async function list(filter: string, viewer: Viewer | null = null, extra = ''): Promise<Page> {
    const { data, errors } = await subgraph.execute(
      `{ agreements(filter: ${filter} ${extra}) { totalCount nodes { id title status } pageInfo { hasNextPage endCursor } } }`,
      {},
      viewer,
    );
    expect(errors).toBeUndefined();
    return data!.agreements as Page;
  }
  const ids = (page: Page) => page.nodes.map((n) => n.id).sort();

  async function errorCode(source: string): Promise<unknown> {
    const { errors } = await subgraph.execute(source);
    return errors?.[0].extensions?.code;
  }

  describe('agreements', () => {
    it('lists every agreement but drafts to the public, by title', async () => {
      const page = await list('{}', null, ', first: 100');
      expect(page.totalCount).toBe(PUBLIC_DEMO);
      expect(page.nodes.map((n) => n.status)).not.toContain('DRAFT');
      const titles = page.nodes.map((n) => n.title);
      expect(titles.every((t) => t.includes('(demo)'))).toBe(true);
      expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    it('filters by party country (any case), kind and status', async () => {
      expect(ids(await list('{ country: "gt" }'))).toEqual([demoAgreementId('bilateral-gt-mx'), demoAgreementId('referral-gt-sv')].sort());
      expect(ids(await list('{ kind: MULTILATERAL }'))).toEqual([demoAgreementId('southern-cone')]);
      expect((await list('{ status: IN_FORCE }')).totalCount).toBe(4);
      expect((await list('{ country: "MX", status: IN_FORCE }')).totalCount).toBe(2);
      expect((await list('{ country: "US" }')).totalCount).toBe(0);
    });

    it('refuses a non-member country with BAD_USER_INPUT', async () => {
      expect(await errorCode('{ agreements(filter: { country: "XX" }) { totalCount } }')).toBe('BAD_USER_INPUT');
    });

    it('pages through every visible agreement once, in a stable order', async () => {
      const { ids: seen } = await pageThrough(subgraph, 'agreements', 3);
      expect(seen).toHaveLength(PUBLIC_DEMO);
      expect(new Set(seen).size).toBe(PUBLIC_DEMO);
    });

    it('refuses a page size over 100 or a malformed cursor with BAD_USER_INPUT', async () => {
      const big = await subgraph.execute('{ agreements(first: 500) { totalCount } }');
      expect(big.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(big.errors![0].message).toMatch(/between 1 and 100/);
      expect(await errorCode('{ agreements(after: "bm9wZQ") { totalCount } }')).toBe('BAD_USER_INPUT');
    });
  });

  describe('agreement', () => {
    const query = `query($id: ID!) { agreement(id: $id) { title kind status summary signedOn entryIntoForce createdAt isDemo
      parties { country { code } authority { id } } guidelines { number } } }`;

    it('gives an agreement with its parties, their authorities, its guidelines and dates', async () => {
      const { data, errors } = await subgraph.execute(query, { id: demoAgreementId('bilateral-gt-mx') });
      expect(errors).toBeUndefined();
      expect(data!.agreement).toMatchObject({
        kind: 'BILATERAL',
        status: 'IN_FORCE',
        isDemo: true,
        signedOn: '2015-06-18T00:00:00.000Z',
        entryIntoForce: '2016-01-01T00:00:00.000Z',
        createdAt: '2025-02-01T09:00:00.000Z',
        parties: [
          { country: { code: 'GT' }, authority: { id: demoAuthorityId('GT', 'coordination') } },
          { country: { code: 'MX' }, authority: { id: demoAuthorityId('MX', 'coordination') } },
        ],
        guidelines: [{ number: 5 }, { number: 16 }, { number: 57 }],
      });
    });

    it('keeps the order of the parties and leaves out an authority the agreement does not name', async () => {
      const { data } = await subgraph.execute(query, { id: demoAgreementId('southern-cone') });
      const parties = (data!.agreement as { parties: { country: { code: string }; authority: unknown }[] }).parties;
      expect(parties.map((p) => p.country.code)).toEqual(['AR', 'BO', 'BR', 'PY']);
      expect(parties[3].authority).toBeNull();
    });

    it('answers null dates where the status implies none', async () => {
      const { data } = await subgraph.execute(query, { id: demoAgreementId('training-co-pe') });
      expect(data!.agreement).toMatchObject({ status: 'SIGNED', signedOn: '2017-08-22T00:00:00.000Z', entryIntoForce: null });
    });

    it('answers null for a draft, an unknown id and a malformed id', async () => {
      const { data } = await subgraph.execute(
        `{ draft: agreement(id: "${DRAFT_ID}") { id } unknown: agreement(id: "${stableId('nothing')}") { id }
           malformed: agreement(id: "' OR 1=1 --") { id } }`,
      );
      expect(data).toEqual({ draft: null, unknown: null, malformed: null });
    });
  });

  describe('drafts', () => {
    it('are seen by authorities of a party country and by the Secretariat, not by others', async () => {
      expect((await list('{}', secretariat, ', first: 100')).totalCount).toBe(PUBLIC_DEMO + 2);
      for (const viewer of [gtOfficer, secretariat]) {
        if (viewer === gtOfficer) expect((await list('{}', viewer, ', first: 100')).totalCount).toBe(PUBLIC_DEMO + 1);
        expect(ids(await list('{ status: DRAFT }', viewer))).toEqual([DRAFT_ID]);
        const { data } = await subgraph.execute(`{ agreement(id: "${DRAFT_ID}") { status } }`, {}, viewer);
        expect(data).toEqual({ agreement: { status: 'DRAFT' } });
      }
      for (const viewer of [null, plainUser, mxOfficer]) {
        expect((await list('{ status: DRAFT }', viewer)).totalCount).toBe(0);
        const { data } = await subgraph.execute(`{ agreement(id: "${DRAFT_ID}") { status } }`, {}, viewer);
        expect(data).toEqual({ agreement: null });
      }
    });
  });

  describe('withdrawn drafts', () => {
    const peOfficer: Viewer = { id: stableId('test:user:pe'), role: 'AUTHORITY', country: 'PE', authorityId: null };
    it('are seen by the authorities of their parties and by the Secretariat only, in every list', async () => {
      for (const viewer of [peOfficer, secretariat]) {
        expect(ids(await list('{ status: WITHDRAWN }', viewer))).toEqual([WITHDRAWN_ID]);
        expect(ids(await list('{ guideline: 38 }', viewer))).toContain(WITHDRAWN_ID);
      }
      for (const viewer of [null, plainUser, gtOfficer]) {
        expect((await list('{ status: WITHDRAWN }', viewer)).totalCount).toBe(0);
        expect(ids(await list('{ guideline: 38 }', viewer))).not.toContain(WITHDRAWN_ID);
        const { data } = await subgraph.execute(`{ agreement(id: "${WITHDRAWN_ID}") { id } }`, {}, viewer);
        expect(data).toEqual({ agreement: null });
      }
    });
  });

  describe('signatures and order', () => {
    it("gives each party's signature date: every party of a signed agreement, only those that signed of a draft", async () => {
      const { data } = await subgraph.execute(
        `{ a: agreement(id: "${demoAgreementId('bilateral-gt-mx')}") { signedOn parties { signedOn } }
           d: agreement(id: "${DRAFT_ID}") { status signedOn parties { country { code } signedOn } } }`,
        {},
        gtOfficer,
      );
      expect(data!.a).toEqual({
        signedOn: '2015-06-18T00:00:00.000Z',
        parties: [{ signedOn: '2015-06-11T00:00:00.000Z' }, { signedOn: '2015-06-18T00:00:00.000Z' }],
      });
      expect(data!.d).toEqual({
        status: 'DRAFT',
        signedOn: null,
        parties: [
          { country: { code: 'GT' }, signedOn: '2025-01-20T00:00:00.000Z' },
          { country: { code: 'CO' }, signedOn: null },
        ],
      });
    });

    it('filters by guideline and refuses a guideline that is not in the Work Plan', async () => {
      expect(ids(await list('{ guideline: 57 }'))).toEqual([demoAgreementId('bilateral-gt-mx'), demoAgreementId('referral-gt-sv')].sort());
      expect((await list('{ guideline: 1 }')).totalCount).toBe(0);
      const { errors } = await subgraph.execute('{ agreements(filter: { guideline: 68 }) { totalCount } }');
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'guideline' });
    });

    it('orders by the latest change first with orderBy NEWEST, and pages through in that order', async () => {
      const page = await list('{ orderBy: NEWEST }', null, ', first: 100');
      // the demo rows changed last when they were created, one a day
      expect(page.nodes.map((n) => n.id)).toEqual(
        [
          'joint-team-ht-mx',
          'andean-data',
          'legal-assistance-br-mx',
          'referral-gt-sv',
          'training-co-pe',
          'southern-cone',
          'bilateral-gt-mx',
        ].map(demoAgreementId),
      );
      const first = await list('{ orderBy: NEWEST }', null, ', first: 4');
      const rest = await list('{ orderBy: NEWEST }', null, `, first: 4, after: "${first.pageInfo.endCursor}"`);
      expect([...first.nodes, ...rest.nodes].map((n) => n.id)).toEqual(page.nodes.map((n) => n.id));
    });
  });

  describe('fields on other subgraphs’ entities', () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Country { agreements { id } } ... on NationalAuthority { agreements { id } } ... on Agreement { id status } } }`;
    const representations = [
      { __typename: 'Country', code: 'CO' },
      { __typename: 'NationalAuthority', id: demoAuthorityId('GT', 'prosecution') },
      { __typename: 'NationalAuthority', id: demoAuthorityId('MX', 'prosecution') },
      { __typename: 'Country', code: 'US' },
      { __typename: 'Agreement', id: DRAFT_ID },
    ];
    const run = async (viewer: Viewer | null) => {
      const { data, errors } = await subgraph.execute(entities, { r: representations }, viewer);
      expect(errors).toBeUndefined();
      return data!._entities as ({ agreements?: { id: string }[]; id?: string } | null)[];
    };

    it("lists a guideline's agreements by title, bounded by first, drafts only for who may see them", async () => {
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Guideline { agreements(first: $first) { id } } } }`;
      const of = async (numbers: number[], first: number, viewer: Viewer | null) => {
        const { data, errors } = await subgraph.execute(
          query.replace('$first', String(first)),
          { r: numbers.map((number) => ({ __typename: 'Guideline', number })) },
          viewer,
        );
        expect(errors).toBeUndefined();
        return (data!._entities as { agreements: { id: string }[] }[]).map((g) => g.agreements.map((a) => a.id));
      };
      const [g29, g57, g1] = await of([29, 57, 1], 20, null);
      expect(g29).toEqual([demoAgreementId('legal-assistance-br-mx')]);
      expect(g57.sort()).toEqual([demoAgreementId('bilateral-gt-mx'), demoAgreementId('referral-gt-sv')].sort());
      expect(g1).toEqual([]);
      expect((await of([29], 20, gtOfficer))[0]).toContain(DRAFT_ID);
      expect((await of([29, 57], 1, null)).map((list) => list.length)).toEqual([1, 1]);
    });

    it("lists a country's and an authority's agreements, without drafts for the public", async () => {
      const [co, gtProsecution, mxProsecution, us, draft] = await run(null);
      expect(co!.agreements!.map((a) => a.id).sort()).toEqual([demoAgreementId('andean-data'), demoAgreementId('training-co-pe')].sort());
      expect(gtProsecution!.agreements).toEqual([]);
      expect(mxProsecution!.agreements!.map((a) => a.id).sort()).toEqual(
        [demoAgreementId('joint-team-ht-mx'), demoAgreementId('legal-assistance-br-mx')].sort(),
      );
      expect(us!.agreements).toEqual([]);
      expect(draft).toBeNull();
    });

    it('shows a draft in those lists to an authority of a party country', async () => {
      const [co, gtProsecution, , , draft] = await run(gtOfficer);
      expect(co!.agreements!.map((a) => a.id)).toContain(DRAFT_ID);
      expect(gtProsecution!.agreements!.map((a) => a.id)).toEqual([DRAFT_ID]);
      expect(draft).toEqual({ id: DRAFT_ID, status: 'DRAFT' });
      const [coForMexico] = await run(mxOfficer);
      expect(coForMexico!.agreements!.map((a) => a.id)).not.toContain(DRAFT_ID);
    });
  });

  it('seeds idempotently: a second start duplicates nothing', async () => {
    const count = async (table: string) => Number((await subgraph.db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    const before = [await count('agreements'), await count('agreement_parties')];
    await agreementsSubgraph.seed!(subgraph.db, subgraph.config, { info() {} } as never);
    expect([await count('agreements'), await count('agreement_parties')]).toEqual(before);
  });

  it('runs the same number of SQL statements for nested queries when the data doubles', async () => {
    // measured one operation at a time: two root fields run together could merge or split a batch by timing
    const listQuery = '{ agreements(first: 100) { nodes { id guidelines { number } parties { country { code } authority { id } } } } }';
    const reverse = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Country { agreements { id parties { country { code } } } } ... on NationalAuthority { agreements { title } } } }`;
    const r = [
      ...['GT', 'MX', 'CO', 'BR', 'PE'].map((code) => ({ __typename: 'Country', code })),
      ...(['prosecution', 'coordination'] as const).map((slot) => ({ __typename: 'NationalAuthority', id: demoAuthorityId('MX', slot) })),
    ];
    const measure = async () => {
      const statements: number[] = [];
      for (const [source, variables] of [
        [listQuery, {}],
        [reverse, { r }],
      ] as const) {
        const before = statementCount(subgraph.db);
        const { errors } = await subgraph.execute(source, variables);
        expect(errors).toBeUndefined();
        statements.push(statementCount(subgraph.db) - before);
      }
      return statements;
    };
    const small = await measure();

    const demo = demoAgreements();
    const copyId = (id: string) => stableId(`copy:${id}`);
    await subgraph.db.getRepository(Agreement).insert(demo.agreements.map((a) => ({ ...a, id: copyId(a.id), title: `${a.title} 2` })));
    await subgraph.db.getRepository(AgreementParty).insert(demo.parties.map((p) => ({ ...p, agreementId: copyId(p.agreementId) })));
    expect((await list('{}', null, ', first: 100')).totalCount).toBe(PUBLIC_DEMO * 2);

    // the page, its count and the parties; the agreements by country and by authority, then their parties
    expect(small).toEqual([3, 3]);
    expect(await measure()).toEqual(small);
  });
});
