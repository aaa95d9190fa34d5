import type { Viewer } from '../../services/platform/auth';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, type TestGraph } from '../helpers/graph';
import { ADD, REGISTER, serviceInput, UPDATE, VERIFY } from '../organizations/fixtures';

type List = 'services' | 'organizations' | 'practices' | 'authorities';
const LABEL: Record<List, string> = { services: 'name', organizations: 'name', practices: 'title', authorities: 'name' };

/**
 * What a search finds beyond the exact words (issue 20, docs/search.md): word forms in the four languages of
 * the directory, short tokens, a service's city and the name of a language it is offered in, on the demo
 * directory and on rows written through every mutation that writes a searched column.
 */
describe('search by word forms, short tokens, places and language names, through the gateway', () => {
  let graph: TestGraph;
  const member = viewer();
  const secretariat = viewer('SECRETARIAT');
  let organizationId = '';

  const ok = async (query: string, variables: Record<string, unknown>, who: Viewer | null = null) => {
    const { body } = await graph.query(query, variables, who ? asViewer(who) : {});
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  /** The labels of every hit of a search, in the list's order. */
  const found = async (list: List, search: string, extra: Record<string, unknown> = {}, who: Viewer | null = null): Promise<string[]> => {
    const source = `query($f: ${list === 'services' ? 'ServiceFilter' : list === 'organizations' ? 'OrganizationFilter' : list === 'practices' ? 'PracticeFilter' : 'AuthorityFilter'}) {
      ${list}(filter: $f, first: 100) { totalCount nodes { ${LABEL[list]} } } }`;
    const data = await ok(source, { f: { search, ...extra } }, who);
    expect(data[list].totalCount).toBe(data[list].nodes.length);
    return data[list].nodes.map((node: Record<string, string>) => node[LABEL[list]]);
  };
  const languagesOf = async (name: string): Promise<string[]> => {
    const data = await ok('query($f: ServiceFilter) { services(filter: $f, first: 100) { nodes { name languages } } }', {
      f: { search: name },
    });
    return data.services.nodes.find((node: { name: string }) => node.name === name).languages;
  };

  beforeAll(async () => {
    graph = await startGraph({ MUTATION_RATE_LIMIT: '100000' });
    organizationId = (await ok(REGISTER, { i: { name: 'Red de Pruebas Formas', kind: 'NGO', country: 'SV' } }, member)).registerOrganization
      .id;
    await ok(VERIFY, { id: organizationId, s: 'VERIFIED' }, secretariat);
  });
  afterAll(() => graph?.stop());

  describe('word forms (stems) in every language of the directory', () => {
    it.each([
      ['services', 'albergue', 'albergues', 'Albergue Casa Esperanza (demo)'],
      ['services', 'acolhimento', 'acolhimentos', 'Casa Acolher (demo)'],
      ['services', 'accueil', 'accueils', 'Kay akèy Lakay Sekirite (demo)'],
      ['authorities', 'demonstration', 'demonstrations', 'Comité National de Démonstration contre la Traite des Personnes (HT, demo)'],
    ])('%s: "%s" and "%s" find the same, %s among them', async (list, singular, plural, expected) => {
      const one = await found(list as List, singular);
      expect(one).toContain(expected);
      expect((await found(list as List, plural)).sort()).toEqual(one.sort());
    });

    it('ranks an exact word in the name above the same word in the description, and both above a stem-only match', async () => {
      for (const [name, description] of [
        ['Albergue del Norte', 'Acogida de emergencia.'],
        ['Albergues del Sur', null],
        ['Casa del Sur', 'Albergues de paso.'],
      ]) {
        await ok(ADD, { i: serviceInput(organizationId, { name, description, country: 'SV' }) }, member);
      }
      const expected = ['Albergues del Sur', 'Casa del Sur', 'Albergue del Norte'];
      expect(await found('services', 'albergues', { country: 'SV' })).toEqual(expected);
      expect((await found('services', 'albergues')).filter((name) => expected.includes(name))).toEqual(expected);
    });
  });

  describe('short tokens', () => {
    it('finds a two-digit number and a dashed acronym exactly', async () => {
      expect(await found('services', '24')).toEqual(['Línea Esperanza 24 horas (demo)']);
      expect(await found('practices', '24 horas')).toEqual(['Línea de ayuda multilingüe 24 horas (demo)']);
      const mexico = await found('authorities', 'CIDT-MX');
      expect(mexico).toHaveLength(1);
      expect(mexico[0]).toContain('(MX, demo)');
      expect((await found('authorities', 'CIDT')).length).toBeGreaterThan(1);
    });
  });

  describe('places', () => {
    it.each([
      ['Tapachula', 'Casa de tránsito Línea Libre (demo)'],
      ['Quetzaltenango', 'Línea Esperanza 24 horas (demo)'],
      ['port-au-prince', 'Kay akèy Lakay Sekirite (demo)'],
    ])('finds the services of %s by the city', async (city, expected) => {
      expect(await found('services', city)).toContain(expected);
    });
  });

  describe('language names', () => {
    it('finds the services offered in K’iche’ by any spelling of its name, and only services in that language or naming it', async () => {
      const kiche = await found('services', 'kiche');
      expect(kiche).toEqual(expect.arrayContaining(['Albergue Casa Esperanza (demo)', 'Línea Esperanza 24 horas (demo)']));
      for (const spelling of ["k'iche'", 'quiché', 'K’iche’', 'KICHE'])
        expect((await found('services', spelling)).sort()).toEqual([...kiche].sort());
      for (const name of kiche) expect(await languagesOf(name)).toContain('quc');
    });

    it('finds services by a language name in any of the four languages, with another word', async () => {
      const aymara = await found('services', 'aymara');
      expect(aymara).toEqual(expect.arrayContaining(['Formación laboral Camino Seguro (demo)', 'Escuela de prevención Wasi Munay (demo)']));
      for (const name of ['haitian creole', 'créole haïtien']) {
        expect(await found('services', name)).toEqual(
          expect.arrayContaining(['Kay akèy Lakay Sekirite (demo)', 'Intérpretes Rede Acolher (demo)']),
        );
      }
      expect(await found('services', 'aymara formación')).toEqual(['Formación laboral Camino Seguro (demo)']);
    });
  });

  describe('every write path computes the stems', () => {
    it('organizations: registered, then updated', async () => {
      const id = (await ok(REGISTER, { i: { name: 'Refugios Unidos del Norte', kind: 'NGO', country: 'GT' } }, member)).registerOrganization
        .id;
      await ok(VERIFY, { id, s: 'VERIFIED' }, secretariat);
      expect(await found('organizations', 'refugio unido')).toEqual(['Refugios Unidos del Norte']);
      await ok(
        'mutation($id: ID!, $i: OrganizationUpdateInput!) { updateOrganization(id: $id, input: $i) { id } }',
        {
          id,
          i: { description: 'Acompañamos a sobrevivientes en sus procesos.' },
        },
        member,
      );
      expect(await found('organizations', 'acompañar proceso')).toEqual(['Refugios Unidos del Norte']);
    });

    it('services: added, then updated in their texts, city and languages', async () => {
      const added = (await ok(ADD, { i: serviceInput(organizationId, { name: 'Capacitaciones laborales', country: 'SV' }) }, member))
        .addService;
      expect(await found('services', 'capacitación laboral', { country: 'SV' })).toEqual(['Capacitaciones laborales']);
      await ok(
        UPDATE,
        { id: added.id, i: { description: 'Orientamos a familias retornadas.', city: 'Huehuetenango', languages: ['spa', 'quc'] } },
        member,
      );
      expect(await found('services', 'orientación familia', { country: 'SV' })).toEqual(['Capacitaciones laborales']);
      expect(await found('services', 'huehuetenango')).toEqual(['Capacitaciones laborales']);
      expect(await found('services', 'kiche capacitar', { country: 'SV' })).toEqual(['Capacitaciones laborales']);
    });

    it('practices: submitted, then updated', async () => {
      const submitted = await ok(
        'mutation($i: PracticeInput!) { submitPractice(input: $i) { id } }',
        {
          i: {
            title: 'Trainings for shelter workers',
            summary: 'Peer learning.',
            pillar: 'PREVENTION',
            countries: ['JM'],
            language: 'eng',
          },
        },
        secretariat,
      );
      expect(await found('practices', 'training worker', {}, secretariat)).toEqual(['Trainings for shelter workers']);
      await ok(
        'mutation($id: ID!, $i: PracticeUpdateInput!) { updatePractice(id: $id, input: $i) { id } }',
        { id: submitted.submitPractice.id, i: { body: 'Protecting survivors who testified.' } },
        secretariat,
      );
      expect(await found('practices', 'protected testifies', {}, secretariat)).toEqual(['Trainings for shelter workers']);
    });

    it('authorities: created, then updated', async () => {
      const created = await ok(
        'mutation($i: AuthorityInput!) { createAuthority(input: $i) { id } }',
        { i: { country: 'GT', name: 'Dirección de Migraciones de Prueba', competences: ['MIGRATION'] } },
        secretariat,
      );
      expect(await found('authorities', 'migración prueba')).toEqual(['Dirección de Migraciones de Prueba']);
      await ok(
        'mutation($id: ID!, $i: AuthorityUpdateInput!) { updateAuthority(id: $id, input: $i) { id } }',
        { id: created.createAuthority.id, i: { acronym: 'DM-GT' } },
        secretariat,
      );
      expect(await found('authorities', 'DM-GT')).toEqual(['Dirección de Migraciones de Prueba']);
    });
  });
});
