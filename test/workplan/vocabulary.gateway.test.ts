import { startGraph, type TestGraph } from '../helpers/graph';

const VOCABULARY = `query($l: String!) { vocabulary(language: $l) {
  language serviceTypes { code label description } populations { code label } progress { code label } guidelineSections { code label }
  competences { code } organizationKinds { code } shelterKinds { code } pillars { code } agreementKinds { code } agreementStatuses { code }
  roles { code label } organizationChangeKinds { code label } } }`;
const LANGUAGES = `query($s: String, $c: [String!], $l: String, $f: Int) {
  languages(search: $s, codes: $c, language: $l, first: $f) { code name macrolanguage individualLanguages } }`;

type Label = { code: string; label: string; description?: string | null };
type Language = { code: string; name: string; macrolanguage: string | null; individualLanguages: string[] };

/** Words for codes, as a front-end asks for them through the gateway (issue 19). */
describe('vocabulary and languages through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.stop());

  const call = async (query: string, variables: Record<string, unknown>) => (await graph.query(query, variables)).body;
  const languages = async (variables: Record<string, unknown>): Promise<Language[]> => {
    const { data, errors } = await call(LANGUAGES, variables);
    expect(errors).toBeUndefined();
    return data.languages as Language[];
  };
  const label = (labels: Label[], code: string) => labels.find((entry) => entry.code === code)?.label;

  describe('vocabulary', () => {
    it.each([
      ['es', 'Albergue', 'Niñas y niños', 'Cumplido', 'Asistencia y protección de víctimas'],
      ['en', 'Shelter', 'Children', 'Achieved', 'Victim assistance and protection'],
      ['pt', 'Abrigo', 'Crianças', 'Cumprido', 'Assistência e proteção às vítimas'],
      ['fr', "Foyer d'hébergement", 'Enfants', 'Atteint', 'Assistance et protection des victimes'],
    ])('labels the codes in %s', async (language, shelter, children, achieved, protection) => {
      const { data, errors } = await call(VOCABULARY, { l: language });
      expect(errors).toBeUndefined();
      const vocabulary = data.vocabulary;
      expect(vocabulary.language).toBe(language);
      expect(label(vocabulary.serviceTypes, 'SHELTER')).toBe(shelter);
      expect(label(vocabulary.populations, 'CHILDREN')).toBe(children);
      expect(label(vocabulary.progress, 'ACHIEVED')).toBe(achieved);
      expect(label(vocabulary.guidelineSections, 'PROTECTION')).toBe(protection);
      expect(vocabulary.serviceTypes.map((entry: Label) => entry.code)).toEqual([
        'SHELTER',
        'HOTLINE',
        'LEGAL_AID',
        'HEALTH',
        'PSYCHOSOCIAL',
        'CASE_MANAGEMENT',
        'REINTEGRATION',
        'VOCATIONAL_TRAINING',
        'EDUCATION',
        'REPATRIATION',
        'INTERPRETATION',
        'OTHER',
      ]);
      for (const entry of vocabulary.serviceTypes as Label[]) expect(entry.description).toEqual(expect.any(String));
      expect(vocabulary.roles.map((entry: Label) => entry.code)).toEqual(['AUTHORITY', 'SECRETARIAT']);
      expect(vocabulary.organizationChangeKinds).toHaveLength(10);
      for (const list of ['competences', 'organizationKinds', 'shelterKinds', 'pillars', 'agreementKinds', 'agreementStatuses']) {
        expect(vocabulary[list].length).toBeGreaterThan(2);
      }
    });

    it('refuses another language with BAD_USER_INPUT naming the four there are', async () => {
      const { data, errors } = await call(VOCABULARY, { l: 'de' });
      expect(data?.vocabulary ?? null).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
      expect(errors![0].message).toMatch(/es, en, pt, fr/);
    });
  });

  describe('languages', () => {
    it.each(['kiche', "k'iche'", 'Kʼicheʼ', 'quiché', 'QUICHE'])('finds Kʼicheʼ (quc) first by "%s"', async (search) => {
      const found = await languages({ s: search });
      expect(found[0]).toEqual({ code: 'quc', name: 'quiché', macrolanguage: null, individualLanguages: [] });
    });

    it('finds Quechua first by "quechua", then its varieties, within `first`', async () => {
      const found = await languages({ s: 'quechua', f: 5 });
      expect(found).toHaveLength(5);
      expect(found[0].code).toBe('que');
      for (const language of found.slice(1)) expect(language.name).toMatch(/Quechua/);
    });

    it('finds Guarani by "guaraní" and by "guarani", named in the language asked for', async () => {
      expect((await languages({ s: 'guaraní' }))[0]).toMatchObject({ code: 'grn', name: 'guaraní' });
      expect((await languages({ s: 'guarani', l: 'en' }))[0]).toMatchObject({ code: 'grn', name: 'Guarani' });
    });

    it('ranks an exact name before a prefix, and a prefix before a substring ("chol": Chol, Cholón, Huichol)', async () => {
      const found = await languages({ s: 'chol', l: 'en' });
      expect(found.map((language) => `${language.code}:${language.name}`)).toEqual(['ctu:Chol', 'cht:Cholón', 'hch:Huichol']);
    });

    it.each([
      ['es', 'español', 'criollo haitiano', 'quiché'],
      ['en', 'Spanish', 'Haitian Creole', 'Kʼicheʼ'],
      ['pt', 'espanhol', 'haitiano', 'quiché'],
      ['fr', 'espagnol', 'créole haïtien', 'quiché'],
    ])('names codes in %s, in the order asked', async (language, spanish, haitian, kiche) => {
      const found = await languages({ c: ['spa', 'hat', 'quc'], l: language });
      expect(found.map((entry) => [entry.code, entry.name])).toEqual([
        ['spa', spanish],
        ['hat', haitian],
        ['quc', kiche],
      ]);
    });

    it('with both `search` and `codes`, gives the codes that match, best first', async () => {
      expect((await languages({ s: 'quechua', c: ['spa', 'quz', 'que'] })).map((language) => language.code)).toEqual(['que', 'quz']);
    });

    it('gives the reference name of a language CLDR does not name (Mam)', async () => {
      expect(await languages({ c: ['mam'] })).toEqual([{ code: 'mam', name: 'Mam', macrolanguage: null, individualLanguages: [] }]);
    });

    it('links a macrolanguage and its individual languages both ways (que <-> quz)', async () => {
      const [que, quz] = await languages({ c: ['que', 'quz'], l: 'en' });
      expect(que).toMatchObject({ code: 'que', name: 'Quechua', macrolanguage: null });
      expect(que.individualLanguages).toEqual(expect.arrayContaining(['quz', 'quy', 'qvi']));
      expect(quz).toEqual({ code: 'quz', name: 'Cusco Quechua', macrolanguage: 'que', individualLanguages: [] });
    });

    it('refuses an unknown code, a bad language, and a question with neither search nor codes', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ c: ['spa', 'xx1'] }, 'codes'],
        [{ s: 'quechua', l: 'de' }, 'language'],
        [{}, 'search'],
        [{ s: 'quechua', f: 101 }, 'first'],
        [{ s: 'q'.repeat(201) }, 'search'],
      ];
      for (const [variables, field] of cases) {
        const { errors } = await call(LANGUAGES, variables);
        expect({ field, extensions: errors?.[0]?.extensions }).toMatchObject({ field, extensions: { code: 'BAD_USER_INPUT', field } });
      }
    });
  });
});
