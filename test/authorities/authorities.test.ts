import { authoritiesSubgraph } from '../../services/authorities/subgraph';
import { openSubgraph, pageThrough, SubgraphUnderTest } from '../helpers/subgraph';

describe('authorities subgraph', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(authoritiesSubgraph);
  });
  afterAll(() => subgraph.close());

  describe('countries', () => {
    it('lists the 35 OAS Member States with English and Spanish names', async () => {
      const { data, errors } = await subgraph.execute('{ countries { code name nameEs } }');
      expect(errors).toBeUndefined();
      const countries = data!.countries as { code: string; name: string; nameEs: string }[];
      expect(countries).toHaveLength(35);
      expect(countries).toContainEqual({ code: 'US', name: 'United States', nameEs: 'Estados Unidos' });
      expect(countries).toContainEqual({ code: 'HT', name: 'Haiti', nameEs: 'Haití' });
    });

    it('finds a country by a lower-case code and answers null for an unknown one', async () => {
      const { data } = await subgraph.execute('{ gt: country(code: "gt") { code nameEs } xx: country(code: "XX") { code } }');
      expect(data).toEqual({ gt: { code: 'GT', nameEs: 'Guatemala' }, xx: null });
    });

    it("gives a country's authorities and its contact point", async () => {
      const { data } = await subgraph.execute('{ country(code: "PE") { authorities { name } contactPoint { name isContactPoint } } }');
      const country = data!.country as { authorities: unknown[]; contactPoint: { isContactPoint: boolean } };
      expect(country.authorities).toHaveLength(3);
      expect(country.contactPoint.isContactPoint).toBe(true);
    });
  });

  describe('authorities', () => {
    it('filters by country and competence', async () => {
      const { data } = await subgraph.execute(
        '{ authorities(filter: { country: "mx", competence: PROSECUTION }) { totalCount nodes { competences country { code } } } }',
      );
      const page = data!.authorities as { totalCount: number; nodes: { competences: string[]; country: { code: string } }[] };
      expect(page.totalCount).toBe(1);
      expect(page.nodes[0].competences).toContain('PROSECUTION');
      expect(page.nodes[0].country.code).toBe('MX');
    });

    it('pages through every authority once, in a stable order', async () => {
      const { ids: seen, totalCount: total } = await pageThrough(subgraph, 'authorities', 7);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it('refuses a page size over 100 or a malformed cursor with BAD_USER_INPUT', async () => {
      const big = await subgraph.execute('{ authorities(first: 1000) { totalCount } }');
      expect(big.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(big.errors![0].message).toMatch(/between 1 and 100/);
      const cursor = await subgraph.execute('{ authorities(after: "not-a-cursor") { totalCount } }');
      expect(cursor.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('takes a search with LIKE wildcards literally', async () => {
      const { data } = await subgraph.execute('{ authorities(filter: { search: "%" }) { totalCount } }');
      expect(data).toEqual({ authorities: { totalCount: 0 } });
    });
  });

  it('seeds idempotently: a second start duplicates nothing', async () => {
    const before = await subgraph.db.query('SELECT COUNT(*) AS n FROM national_authorities');
    await authoritiesSubgraph.seed!(subgraph.db, subgraph.config, { info() {} } as never);
    const after = await subgraph.db.query('SELECT COUNT(*) AS n FROM national_authorities');
    expect(Number(after[0].n)).toBe(Number(before[0].n));
  });
});
