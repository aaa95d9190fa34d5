import { SelectQueryBuilder } from 'typeorm';
import { newId } from '../../services/kit/ids';
import { Pillar, Practice, PracticeStatus } from '../../services/practices/entities/practice.entity';
import { PracticeCountry, PracticeGuideline } from '../../services/practices/entities/practice-links.entity';
import { practicesSubgraph } from '../../services/practices/subgraph';
import { DEFAULT_PAGE_SIZE } from '../../services/platform/limits';
import { viewer } from '../helpers/auth';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';

/** The practices of a country, a guideline, ... are bounded per parent inside the database, the viewer's rule in the same SQL (issue 15, item 1). */
describe('practices subgraph: nested lists are bounded', () => {
  let subgraph: SubgraphUnderTest;
  const submitter = viewer();
  const titles = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${String(i).padStart(2, '0')}`);

  async function insert(title: string, countries: string[], status = PracticeStatus.PUBLISHED): Promise<void> {
    const id = newId();
    await subgraph.db.getRepository(Practice).insert({
      id,
      title,
      summary: 'A practice of the lists test.',
      body: null,
      pillar: Pillar.PREVENTION,
      status,
      year: null,
      language: 'spa',
      sourceUrl: null,
      createdAt: new Date(Date.UTC(2025, 0, 1)),
      submittedBy: status === PracticeStatus.PUBLISHED ? null : submitter.id,
      isDemo: false,
    });
    await subgraph.db.getRepository(PracticeCountry).insert(countries.map((countryCode) => ({ practiceId: id, countryCode })));
    await subgraph.db.getRepository(PracticeGuideline).insert({ practiceId: id, guidelineNumber: 5 });
  }

  beforeAll(async () => {
    subgraph = await openSubgraph(practicesSubgraph);
    // "AA" sorts them first; the submitted one first of all, seen only by its submitter.
    await insert('AA 00 sometida', ['BZ'], PracticeStatus.SUBMITTED);
    for (const title of titles('AA Belice', 25)) await insert(title, ['BZ']);
    for (const title of titles('AA Belice y Bahamas', 3)) await insert(title, ['BZ', 'BS']);
  });
  afterAll(() => subgraph.close());

  const practicesOf = async (selection: string, representations: object[], who = viewer()) => {
    const { data, errors } = await subgraph.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Country { ${selection} } ... on Guideline { ${selection} } } }`,
      { r: representations },
      who,
    );
    expect(errors).toBeUndefined();
    return (data!._entities as { practices: { title: string }[] }[]).map((e) => e.practices.map((p) => p.title));
  };

  it('gives each country of a batch its own first n, in one statement that returns no more rows than that', async () => {
    const getMany = jest.spyOn(SelectQueryBuilder.prototype, 'getMany');
    try {
      const lists = await practicesOf('practices(first: 2) { title }', [
        { __typename: 'Country', code: 'BZ' },
        { __typename: 'Country', code: 'BS' },
        { __typename: 'Country', code: 'US' },
      ]);
      expect(lists).toEqual([titles('AA Belice', 2), titles('AA Belice y Bahamas', 2), []]);
      expect(getMany).toHaveBeenCalledTimes(1);
      expect((await getMany.mock.results[0].value) as unknown[]).toHaveLength(4);
    } finally {
      getMany.mockRestore();
    }
  });

  it(`gives ${DEFAULT_PAGE_SIZE} by default, counting only what the viewer may read`, async () => {
    const [anonymous] = await practicesOf('practices { title }', [{ __typename: 'Country', code: 'BZ' }]);
    expect(anonymous).toEqual(titles('AA Belice', DEFAULT_PAGE_SIZE));
    const [own] = await practicesOf('practices(first: 3) { title }', [{ __typename: 'Country', code: 'BZ' }], submitter);
    expect(own).toEqual(['AA 00 sometida', ...titles('AA Belice', 2)]);
    const [guideline] = await practicesOf('practices(first: 100) { title }', [{ __typename: 'Guideline', number: 5 }]);
    expect(guideline).toEqual(expect.arrayContaining([...titles('AA Belice', 25), ...titles('AA Belice y Bahamas', 3)]));
    expect(guideline).not.toContain('AA 00 sometida');
  });

  it('refuses first: 101 with BAD_USER_INPUT naming it', async () => {
    const { errors } = await subgraph.execute(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Country { practices(first: 101) { title } } } }',
      {
        r: [{ __typename: 'Country', code: 'BZ' }],
      },
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
