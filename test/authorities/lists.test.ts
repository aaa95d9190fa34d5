import { NationalAuthority } from '../../services/authorities/entities/national-authority.entity';
import { authoritiesSubgraph } from '../../services/authorities/subgraph';
import { newId } from '../../services/kit/ids';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';

type Listed = {
  code: string;
  all: { name: string; isContactPoint: boolean }[];
  one: { name: string }[];
  contactPoint: { name: string } | null;
};

/** A country's authorities are bounded per country inside the database; its contact point is found whatever the page (issue 15, item 1). */
describe('authorities subgraph: nested lists are bounded', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(authoritiesSubgraph);
    // First by name in Peru, before its contact point.
    await subgraph.db.getRepository(NationalAuthority).insert({
      id: newId(),
      name: 'AAA Autoridad de prueba',
      acronym: null,
      countryCode: 'PE',
      competences: [],
      website: null,
      email: null,
      phone: null,
      isContactPoint: false,
      isDemo: false,
    });
  });
  afterAll(() => subgraph.close());

  it('gives each country its own first n authorities by name, and its contact point even when it is not among them', async () => {
    const { data, errors } = await subgraph.execute(
      '{ countries { code all: authorities(first: 100) { name isContactPoint } one: authorities(first: 1) { name } contactPoint { name } } }',
    );
    expect(errors).toBeUndefined();
    const countries = data!.countries as Listed[];
    expect(countries.filter((c) => c.all.length > 1).length).toBeGreaterThan(0);
    for (const country of countries) {
      expect(country.one).toEqual(country.all.slice(0, 1).map(({ name }) => ({ name })));
      const contactPoint = country.all.find((a) => a.isContactPoint);
      expect(country.contactPoint).toEqual(contactPoint ? { name: contactPoint.name } : null);
    }
    const peru = countries.find((c) => c.code === 'PE')!;
    expect(peru.one).toEqual([{ name: 'AAA Autoridad de prueba' }]);
    expect(peru.contactPoint).not.toBeNull();
  });

  it('refuses first: 101 with BAD_USER_INPUT naming it', async () => {
    const { errors } = await subgraph.execute('{ country(code: "GT") { authorities(first: 101) { name } } }');
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
