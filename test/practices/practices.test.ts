import { demoAuthorityId, demoOrganizationId } from '../../services/kit/demo-ids';
import { statementCount } from '../../services/kit/statements';
import { stableId } from '../../services/kit/ids';
import { demoPracticeId, demoPractices } from '../../services/practices/demo';
import { Practice } from '../../services/practices/entities/practice.entity';
import {
  PracticeAuthority,
  PracticeCountry,
  PracticeGuideline,
  PracticeOrganization,
  PracticePopulation,
} from '../../services/practices/entities/practice-links.entity';
import { practicesSubgraph } from '../../services/practices/subgraph';
import { openSubgraph, SubgraphUnderTest, pageThrough } from '../helpers/subgraph';
import { FakeOrganizations, startFakeAuthorities, startFakeOrganizations } from './fake-organizations';

type Page = { totalCount: number; nodes: { id: string; title: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };

const PUBLISHED_DEMO = 11;
const SUBMITTED_ID = demoPracticeId('chaco-shelter-py');

describe('practices subgraph', () => {
  let subgraph: SubgraphUnderTest;
  // The owners of linked organizations and authorities, asked which the viewer sees (all of them here).
  let owners: FakeOrganizations[];
  beforeAll(async () => {
    subgraph = await openSubgraph(practicesSubgraph);
    owners = [await startFakeOrganizations(), await startFakeAuthorities()];
    subgraph.config.subgraphUrls.organizations = owners[0].url;
    subgraph.config.subgraphUrls.authorities = owners[1].url;
  });
  afterAll(async () => {
    await Promise.all(owners.map((owner) => owner.close()));
    await subgraph.close();
  });

  async function list(filter: string, extra = ''): Promise<Page> {
    const { data, errors } = await subgraph.execute(
      `{ practices(filter: ${filter} ${extra}) { totalCount nodes { id title } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(errors).toBeUndefined();
    return data!.practices as Page;
  }

  async function errorCode(source: string): Promise<unknown> {
    const { errors } = await subgraph.execute(source);
    return errors?.[0].extensions?.code;
  }

  describe('practices', () => {
    it('lists the published demo practices only, by title', async () => {
      const page = await list('{}', ', first: 100');
      expect(page.totalCount).toBe(PUBLISHED_DEMO);
      expect(page.nodes.map((n) => n.id)).not.toContain(SUBMITTED_ID);
      const titles = page.nodes.map((n) => n.title);
      expect(titles.every((t) => t.includes('(demo)'))).toBe(true);
      expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    it('filters by a search in title, summary or body, case-insensitively', async () => {
      expect((await list('{ search: "FRONTERA" }')).nodes.map((n) => n.id)).toEqual([demoPracticeId('border-table-mx-gt')]);
      expect((await list('{ search: "guarani" }')).nodes.map((n) => n.id)).toEqual([demoPracticeId('triple-border-campaign')]);
      expect((await list('{ search: "anonymised statistics" }')).totalCount).toBe(1);
    });

    it('takes a search with LIKE wildcards literally', async () => {
      expect((await list('{ search: "%" }')).totalCount).toBe(0);
      expect((await list('{ search: "_" }')).totalCount).toBe(0);
    });

    it('filters by pillar, country (any case), guideline and population', async () => {
      expect((await list('{ pillar: PARTNERSHIP }')).totalCount).toBe(2);
      expect((await list('{ country: "gt" }')).nodes.map((n) => n.id).sort()).toEqual(
        [demoPracticeId('hotline-gt'), demoPracticeId('border-table-mx-gt')].sort(),
      );
      expect((await list('{ guideline: 22 }')).totalCount).toBe(3);
      // the SUBMITTED Chaco shelter also names INDIGENOUS and guideline 65, and stays out
      expect((await list('{ population: INDIGENOUS }')).totalCount).toBe(2);
      expect((await list('{ guideline: 65 }')).nodes.map((n) => n.id)).toEqual([demoPracticeId('altiplano-pe-bo')]);
      expect((await list('{ country: "PY" }')).nodes.map((n) => n.id)).toEqual([demoPracticeId('triple-border-campaign')]);
    });

    it('combines filters', async () => {
      expect((await list('{ pillar: PREVENTION, country: "BR", population: ADOLESCENTS }')).totalCount).toBe(1);
      expect((await list('{ pillar: PROSECUTION, country: "BR" }')).totalCount).toBe(0);
    });

    it('refuses a non-member country, a guideline outside 1-67 and an overlong search with BAD_USER_INPUT', async () => {
      expect(await errorCode('{ practices(filter: { country: "XX" }) { totalCount } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ practices(filter: { guideline: 0 }) { totalCount } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode('{ practices(filter: { guideline: 68 }) { totalCount } }')).toBe('BAD_USER_INPUT');
      expect(await errorCode(`{ practices(filter: { search: "${'a'.repeat(201)}" }) { totalCount } }`)).toBe('BAD_USER_INPUT');
    });

    it('pages through every published practice once, in a stable order', async () => {
      const { ids: seen } = await pageThrough(subgraph, 'practices', 4);
      expect(seen).toHaveLength(PUBLISHED_DEMO);
      expect(new Set(seen).size).toBe(PUBLISHED_DEMO);
    });

    it('refuses a page size over 100 or a malformed cursor with BAD_USER_INPUT', async () => {
      const big = await subgraph.execute('{ practices(first: 101) { totalCount } }');
      expect(big.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(big.errors![0].message).toMatch(/between 1 and 100/);
      expect(await errorCode('{ practices(after: "nope") { totalCount } }')).toBe('BAD_USER_INPUT');
    });
  });

  describe('practice', () => {
    it('gives a published practice with its countries, guidelines, populations, organizations and authorities', async () => {
      const { data, errors } = await subgraph.execute(
        `query($id: ID!) { practice(id: $id) { title pillar status language year sourceUrl createdAt isDemo
          countries { code } guidelines { number } populations organizations { id } authorities { id } } }`,
        { id: demoPracticeId('border-table-mx-gt') },
      );
      expect(errors).toBeUndefined();
      expect(data!.practice).toMatchObject({
        pillar: 'PROTECTION',
        status: 'PUBLISHED',
        language: 'spa',
        year: 2017,
        isDemo: true,
        countries: [{ code: 'GT' }, { code: 'MX' }],
        guidelines: [{ number: 16 }, { number: 57 }, { number: 60 }],
      });
      const practice = data!.practice as Record<string, any>;
      expect(practice.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(practice.sourceUrl).toMatch(/\.demo\.enlace\.example\//);
      expect([...practice.populations].sort()).toEqual(['ADOLESCENTS', 'MIGRANTS']);
      expect(practice.organizations.map((o: { id: string }) => o.id).sort()).toEqual(
        [demoOrganizationId('linea-libre-mx'), demoOrganizationId('casa-esperanza-gt')].sort(),
      );
      expect(practice.authorities.map((a: { id: string }) => a.id).sort()).toEqual(
        [demoAuthorityId('GT', 'protection'), demoAuthorityId('MX', 'protection')].sort(),
      );
    });

    it('answers null for a practice that is not published, an unknown id and a malformed id', async () => {
      const { data } = await subgraph.execute(
        `{ hidden: practice(id: "${SUBMITTED_ID}") { id } unknown: practice(id: "${stableId('nothing')}") { id }
           malformed: practice(id: "1; DROP TABLE practices") { id } }`,
      );
      expect(data).toEqual({ hidden: null, unknown: null, malformed: null });
    });

    it('keeps the creation date exact to the second', async () => {
      const { data } = await subgraph.execute(`{ practice(id: "${demoPracticeId('hotline-gt')}") { createdAt } }`);
      expect(data).toEqual({ practice: { createdAt: '2025-01-10T12:00:00.000Z' } });
    });
  });

  describe('fields on other subgraphs’ entities', () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Country { practices { id } } ... on Guideline { practices { id } }
      ... on Organization { practices { id } } ... on NationalAuthority { practices { id } } ... on Practice { id title } } }`;

    it('lists the published practices of a country, a guideline, an organization and an authority', async () => {
      const { data, errors } = await subgraph.execute(entities, {
        r: [
          { __typename: 'Country', code: 'PY' },
          { __typename: 'Guideline', number: 64 },
          { __typename: 'Organization', id: demoOrganizationId('tekopora-py') },
          { __typename: 'NationalAuthority', id: demoAuthorityId('PY', 'protection') },
          { __typename: 'Country', code: 'US' },
        ],
      });
      expect(errors).toBeUndefined();
      const ids = (data!._entities as { practices: { id: string }[] }[]).map((e) => e.practices.map((p) => p.id));
      const triple = demoPracticeId('triple-border-campaign');
      expect(ids[0]).toEqual([triple]);
      expect(ids[1].sort()).toEqual([demoPracticeId('referral-protocol-sv'), demoPracticeId('safe-return-ht')].sort());
      expect(ids[2]).toEqual([triple]);
      expect(ids[3]).toEqual([]); // its only practice is still SUBMITTED
      expect(ids[4]).toEqual([]);
    });

    it('resolves a published practice by reference and refuses a submitted one', async () => {
      const { data } = await subgraph.execute(entities, {
        r: [
          { __typename: 'Practice', id: demoPracticeId('hotline-gt') },
          { __typename: 'Practice', id: SUBMITTED_ID },
        ],
      });
      const found = data!._entities as ({ title: string } | null)[];
      expect(found[0]!.title).toMatch(/demo/);
      expect(found[1]).toBeNull();
    });
  });

  it('seeds idempotently: a second start duplicates nothing', async () => {
    const count = async (table: string) => Number((await subgraph.db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    const tables = [
      'practices',
      'practice_countries',
      'practice_guidelines',
      'practice_populations',
      'practice_organizations',
      'practice_authorities',
    ];
    const before = await Promise.all(tables.map(count));
    await practicesSubgraph.seed!(subgraph.db, subgraph.config, { info() {} } as never);
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it('runs the same number of SQL statements for nested queries when the data doubles', async () => {
    // two operations, measured apart: run together, the timing of the two root fields could merge or split a batch
    const listQuery =
      '{ practices(first: 100) { nodes { id countries { code } guidelines { number } populations organizations { id } authorities { id } } } }';
    const reverse = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Country { practices { id countries { code } } } ... on Guideline { practices { title } } } }`;
    const r = [
      ...['GT', 'MX', 'BR', 'PE', 'HT'].map((code) => ({ __typename: 'Country', code })),
      ...[16, 22, 60, 64].map((number) => ({ __typename: 'Guideline', number })),
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

    const demo = demoPractices();
    const copy = <T extends { practiceId: string }>(rows: T[]) =>
      rows.map((row) => ({ ...row, practiceId: stableId(`copy:${row.practiceId}`) }));
    await subgraph.db
      .getRepository(Practice)
      .insert(demo.practices.map((p) => ({ ...p, id: stableId(`copy:${p.id}`), title: `${p.title} 2` })));
    await subgraph.db.getRepository(PracticeCountry).insert(copy(demo.countries));
    await subgraph.db.getRepository(PracticeGuideline).insert(copy(demo.guidelines));
    await subgraph.db.getRepository(PracticePopulation).insert(copy(demo.populations));
    await subgraph.db.getRepository(PracticeOrganization).insert(copy(demo.organizations));
    await subgraph.db.getRepository(PracticeAuthority).insert(copy(demo.authorities));
    expect((await list('{}', ', first: 100')).totalCount).toBe(PUBLISHED_DEMO * 2);

    // the page and its count, then one statement per nested list; the reverse lists, then the countries of their practices
    expect(small).toEqual([7, 3]);
    expect(await measure()).toEqual(small);
  });
});
