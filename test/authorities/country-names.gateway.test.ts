import { startGraph, type TestGraph } from '../helpers/graph';

/** A country's name in the four official languages of the OAS, through the gateway (issue 19). */
describe('Country.names through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.stop());

  it.each([
    ['GT', { es: 'Guatemala', en: 'Guatemala', pt: 'Guatemala', fr: 'Guatemala' }],
    ['BR', { es: 'Brasil', en: 'Brazil', pt: 'Brasil', fr: 'Brésil' }],
    ['HT', { es: 'Haití', en: 'Haiti', pt: 'Haiti', fr: 'Haïti' }],
    ['CA', { es: 'Canadá', en: 'Canada', pt: 'Canadá', fr: 'Canada' }],
  ])('names %s in es, en, pt and fr', async (code, names) => {
    const { body } = await graph.query('query($c: ID!) { country(code: $c) { code name nameEs names { es en pt fr } } }', { c: code });
    expect(body.errors).toBeUndefined();
    expect(body.data.country).toEqual({ code, name: names.en, nameEs: names.es, names });
  });

  it('names every Member State in the four languages, with its short English name', async () => {
    const { body } = await graph.query('{ countries { code name names { es en pt fr } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.countries).toHaveLength(35);
    for (const country of body.data.countries) {
      expect(country.names.en).toBe(country.name);
      for (const name of Object.values(country.names)) expect(name).toMatch(/^\p{Lu}/u);
    }
    expect(body.data.countries.find((country: { code: string }) => country.code === 'US').names.en).toBe('United States');
  });
});
