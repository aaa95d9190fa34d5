import { Population } from '../../services/kit/enums';
import type { Organization } from '../../services/organizations/entities/organization.entity';
import { ServiceType } from '../../services/organizations/entities/service.entity';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, TestGraph } from '../helpers/graph';
import { insertOrganization, insertService, UPDATE } from './fixtures';

const SERVICES = `query($f: ServiceFilter, $first: Int, $after: String) { services(filter: $f, first: $first, after: $after) {
  totalCount nodes { id name distanceKm latitude } pageInfo { hasNextPage endCursor } } }`;
const HOSTILE = [
  '"',
  '*',
  '-',
  'AND',
  "'; DROP TABLE services; --",
  'a',
  '!!! ... ???',
  '"alberg*',
  'NOT trata',
  '(x) OR 1=1',
  'NEAR(a b)',
];

/** Full-text search, languages, distance and combined filters on services, as a client sees them through the gateway. */
describe('service search through the gateway', () => {
  let graph: TestGraph;
  let org: Organization;
  const ids: Record<string, string> = {};

  const search = async (filter: Record<string, unknown>, extra: Record<string, unknown> = {}, headers = {}) => {
    const { body } = await graph.query(SERVICES, { f: filter, ...extra }, headers);
    expect(body.errors).toBeUndefined();
    return body.data.services as { totalCount: number; nodes: { id: string; name: string; distanceKm: number | null }[]; pageInfo: any };
  };
  const names = async (filter: Record<string, unknown>) => (await search(filter, { first: 100 })).nodes.map((n) => n.name);
  const add = async (key: string, fields: Record<string, unknown>) => {
    ids[key] = (await insertService(graph.subgraphs.organizations.db, org, fields)).id;
  };

  beforeAll(async () => {
    // Without the demo directory, so that every row a search may find is one this suite wrote.
    graph = await startGraph({ SEED_DEMO: 'false' });
    org = await insertOrganization(graph.subgraphs.organizations.db, { name: 'Red de Búsqueda', countryCode: 'GT' });
    await add('capacitacion', { name: 'Capacitación laboral', description: 'Talleres de oficios.', type: ServiceType.VOCATIONAL_TRAINING });
    await add('albergue', {
      name: 'Albergue Niñas Seguras',
      description: 'Casa de acogida.',
      shelter: {},
      latitude: 14.6349,
      longitude: -90.5069,
    });
    await add('trataName', { name: 'Línea contra la trata', description: 'Atención telefónica.', languages: ['quz'] });
    await add('trataBody', {
      name: 'Asesoría jurídica',
      description: 'Víctimas de TRATA de personas.',
      type: ServiceType.LEGAL_AID,
      languages: ['quy'],
    });
    await add('guarani', { name: 'Apoyo en guaraní', type: ServiceType.PSYCHOSOCIAL, languages: ['gug'], countryCode: 'PY' });
    await add('aymara', { name: 'Apoyo en aimara', type: ServiceType.PSYCHOSOCIAL, languages: ['ayr'], countryCode: 'BO' });
  });
  afterAll(() => graph?.stop());

  describe('full text', () => {
    it('ignores accents and case', async () => {
      expect(await names({ search: 'capacitacion' })).toEqual(['Capacitación laboral']);
      expect(await names({ search: 'CAPACITACIÓN' })).toEqual(['Capacitación laboral']);
      expect(await names({ search: 'ninas' })).toEqual(['Albergue Niñas Seguras']);
    });

    it('matches the last word as a prefix and needs every word', async () => {
      expect(await names({ search: 'alberg' })).toEqual(['Albergue Niñas Seguras']);
      expect(await names({ search: 'albergue segur' })).toEqual(['Albergue Niñas Seguras']);
      expect(await names({ search: 'albergue trata' })).toEqual([]);
    });

    it('ranks a hit in the name above a hit in the description only', async () => {
      expect(await names({ search: 'trata' })).toEqual(['Línea contra la trata', 'Asesoría jurídica']);
    });

    it.each(HOSTILE)('answers %j without an error', async (term) => {
      const page = await search({ search: term });
      expect(page.nodes.every((n) => typeof n.name === 'string')).toBe(true);
    });

    it('keeps the index in step with changes and removals', async () => {
      await add('renamed', { name: 'Clínica provisional' });
      const secretariat = asViewer(viewer('SECRETARIAT'));
      const { body } = await graph.query(UPDATE, { id: ids.renamed, i: { name: 'Clínica migratoria' } }, secretariat);
      expect(body.errors).toBeUndefined();
      expect(await names({ search: 'provisional' })).toEqual([]);
      expect(await names({ search: 'migratoria clinica' })).toEqual(['Clínica migratoria']);
      await graph.subgraphs.organizations.db.query('DELETE FROM service_languages WHERE service_id = ?', [ids.renamed]);
      await graph.subgraphs.organizations.db.query('DELETE FROM service_populations WHERE service_id = ?', [ids.renamed]);
      await graph.subgraphs.organizations.db.query('DELETE FROM services WHERE id = ?', [ids.renamed]);
      expect(await names({ search: 'migratoria' })).toEqual([]);
    });

    it('keeps a search within a country in step with the name and the country of a service', async () => {
      await add('scoped', { name: 'Clínica fronteriza provisional' });
      const secretariat = asViewer(viewer('SECRETARIAT'));
      const { body } = await graph.query(UPDATE, { id: ids.scoped, i: { name: 'Clínica fronteriza itinerante' } }, secretariat);
      expect(body.errors).toBeUndefined();
      expect(await names({ search: 'fronteriza provisional', country: 'GT' })).toEqual([]);
      expect(await names({ search: 'fronteriza itin', country: 'GT' })).toEqual(['Clínica fronteriza itinerante']);
      // No mutation moves a service to another country; a direct write must still be followed by the index.
      await graph.subgraphs.organizations.db.query("UPDATE services SET country_code = 'PY' WHERE id = ?", [ids.scoped]);
      expect(await names({ search: 'fronteriza itin', country: 'GT' })).toEqual([]);
      expect(await names({ search: 'fronteriza itin', country: 'PY' })).toEqual(['Clínica fronteriza itinerante']);
      expect(await names({ search: 'fronteriza itin' })).toEqual(['Clínica fronteriza itinerante']);
    });

    it('finds nothing for a search with no word to look for', async () => {
      expect((await search({ search: '"*-' })).totalCount).toBe(0);
      expect((await search({ search: 'a' })).totalCount).toBe(0);
    });
  });

  describe('languages', () => {
    it('matches the individual languages of a macrolanguage', async () => {
      expect((await names({ language: 'que' })).sort()).toEqual(['Asesoría jurídica', 'Línea contra la trata']);
      expect(await names({ language: 'grn' })).toEqual(['Apoyo en guaraní']);
      expect(await names({ language: 'aym' })).toEqual(['Apoyo en aimara']);
      expect(await names({ language: 'quz' })).toEqual(['Línea contra la trata']);
    });

    it('combines a language with a type', async () => {
      expect(await names({ language: 'que', type: 'LEGAL_AID' })).toEqual(['Asesoría jurídica']);
      expect(await names({ language: 'que', type: 'HOTLINE' })).toEqual(['Línea contra la trata']);
      expect(await names({ language: 'que', type: 'PSYCHOSOCIAL' })).toEqual([]);
      expect(await names({ language: 'grn', type: 'PSYCHOSOCIAL' })).toEqual(['Apoyo en guaraní']);
    });

    it('refuses a code that is not in ISO 639-3, naming it', async () => {
      const { body } = await graph.query(SERVICES, { f: { language: 'xxx' } });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
      expect(body.errors?.[0].message).toContain('xxx');
    });
  });

  describe('combined filters', () => {
    it('applies country, type, population, language and search together', async () => {
      const filter = { country: 'gt', type: 'LEGAL_AID', population: Population.WOMEN, language: 'que', search: 'trata' };
      expect(await names(filter)).toEqual(['Asesoría jurídica']);
      expect(await names({ ...filter, country: 'PY' })).toEqual([]);
    });
  });

  describe('pagination under relevance order', () => {
    it('gives every hit once across pages, name hits first', async () => {
      const db = graph.subgraphs.organizations.db;
      for (let i = 0; i < 9; i += 1) {
        await insertService(db, org, { name: `Refugio ${i % 3}`, description: i % 2 ? 'Orientación migrante' : null });
        await insertService(db, org, { name: `Orientación ${i % 3}`, description: 'Refugio temporal' });
      }
      for (const filter of [{ search: 'refug' }, { search: 'refug', country: 'GT' }]) {
        const all = await search(filter, { first: 100 });
        const seen: string[] = [];
        const counts: number[] = [];
        let after: string | null = null;
        do {
          const page: any = await search(filter, { first: 4, after });
          seen.push(...page.nodes.map((n: { id: string }) => n.id));
          counts.push(page.totalCount);
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } while (after);
        expect(all.totalCount).toBe(18);
        expect(seen).toEqual(all.nodes.map((n) => n.id));
        // Every page counts every hit, not only those after its cursor.
        expect(counts).toEqual(counts.map(() => 18));
        expect(all.nodes.slice(0, 9).every((n) => n.name.startsWith('Refugio'))).toBe(true);
        const past = await search(filter, { first: 4, after: all.pageInfo.endCursor });
        expect(past).toMatchObject({ totalCount: 18, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
      }
    });
  });

  describe('a search within a country (on MySQL, read from the postings)', () => {
    const LIST = `query($f: ServiceFilter, $first: Int, $after: String, $last: Int, $before: String) {
      services(filter: $f, first: $first, after: $after, last: $last, before: $before) {
        totalCount nodes { id country { code } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const list = async (variables: Record<string, unknown>) => {
      const { body } = await graph.query(LIST, variables);
      expect(body.errors).toBeUndefined();
      return body.data.services as {
        totalCount: number;
        nodes: { id: string; country: { code: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
      };
    };

    beforeAll(async () => {
      await add('refugioPy', { name: 'Refugio del Chaco', description: 'Orientación migrante', countryCode: 'PY' });
      await add('trataPy', { name: 'Atención a víctimas', description: 'Trata y tráfico de personas.', countryCode: 'PY' });
    });

    it('finds, ranks and counts what the search of every country finds there, in the same order', async () => {
      for (const search of ['refug', 'trata', 'víctimas trata', 'orientación migrante', 'albergues', 'kiche', 'capacitacion']) {
        const everywhere = await list({ f: { search }, first: 100 });
        for (const country of ['GT', 'PY']) {
          const within = await list({ f: { search, country }, first: 100 });
          const expected = everywhere.nodes.filter((n) => n.country.code === country).map((n) => n.id);
          expect({ search, country, ids: within.nodes.map((n) => n.id) }).toEqual({ search, country, ids: expected });
          expect(within.totalCount).toBe(expected.length);
        }
      }
    });

    it('pages backward through the same order it pages forward, with both pageInfo flags', async () => {
      const f = { search: 'refug', country: 'GT' };
      const all = await list({ f, first: 100 });
      expect(all.totalCount).toBeGreaterThan(8);
      const backward: string[] = [];
      let before: string | null = null;
      do {
        const page = await list({ f, last: 3, before });
        expect(page.totalCount).toBe(all.totalCount);
        backward.unshift(...page.nodes.map((n) => n.id));
        expect(page.pageInfo.hasNextPage).toBe(before !== null);
        before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null;
      } while (before);
      expect(backward).toEqual(all.nodes.map((n) => n.id));
      // Between two cursors: what lies strictly between them.
      const start = await list({ f, first: 2 });
      const end = await list({ f, first: 6 });
      const middle = await list({ f, first: 100, after: start.pageInfo.endCursor, before: end.pageInfo.endCursor });
      expect(middle.nodes.map((n) => n.id)).toEqual(all.nodes.slice(2, 5).map((n) => n.id));
      expect(middle.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    });

    it('follows services written by SQL past the write paths: inserted, renamed, moved and deleted', async () => {
      const db = graph.subgraphs.organizations.db;
      await add('bySql', { name: 'Comedor solidario', countryCode: 'PY' });
      expect(await names({ search: 'comedor', country: 'PY' })).toEqual(['Comedor solidario']);
      await db.query("UPDATE services SET name = 'Comedor comunitario' WHERE id = ?", [ids.bySql]);
      expect(await names({ search: 'solidario', country: 'PY' })).toEqual([]);
      expect(await names({ search: 'comunitario', country: 'PY' })).toEqual(['Comedor comunitario']);
      await db.query("UPDATE services SET country_code = 'BO' WHERE id = ?", [ids.bySql]);
      expect(await names({ search: 'comunitario', country: 'PY' })).toEqual([]);
      expect(await names({ search: 'comunitario', country: 'BO' })).toEqual(['Comedor comunitario']);
      await db.query('DELETE FROM services WHERE id = ?', [ids.bySql]);
      expect(await names({ search: 'comunitario', country: 'BO' })).toEqual([]);
    });
  });

  describe('distance', () => {
    const near = { latitude: 14.6, longitude: -90.5 };

    beforeAll(async () => {
      await add('near1', { name: 'Cerca uno', latitude: 14.61, longitude: -90.5 });
      await add('near2', { name: 'Cerca dos', latitude: 14.7, longitude: -90.5 });
      await add('far', { name: 'Lejos', latitude: 16.9, longitude: -89.9 });
    });

    it('lists the services within the radius, nearest first, with their distance', async () => {
      // The shelter is measured from its public position, (14.6, -90.5), for this anonymous viewer.
      const page = await search({ near, radiusKm: 20 });
      expect(page.nodes.map((n) => n.name)).toEqual(['Albergue Niñas Seguras', 'Cerca uno', 'Cerca dos']);
      expect(page.nodes[1].distanceKm).toBeCloseTo(1.112, 2);
      expect(page.nodes[2].distanceKm).toBeCloseTo(11.12, 1);
    });

    it('measures a shelter from its coarsened position, in whole km, for a viewer who may not see its address', async () => {
      const [shelter] = (await search({ near, radiusKm: 20, type: 'SHELTER' })).nodes;
      // Coarsened to (14.6, -90.5): the very point asked about.
      expect(shelter.distanceKm).toBe(0);
      const officer = asViewer(viewer('AUTHORITY', 'GT'));
      const [exact] = (await search({ near, radiusKm: 20, type: 'SHELTER' }, {}, officer)).nodes;
      expect(exact.distanceKm).toBeCloseTo(3.95, 1);
    });

    it('refuses a radius over 500 km', async () => {
      const { body } = await graph.query(SERVICES, { f: { near, radiusKm: 501 } });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'radiusKm' });
    });

    it('pages by distance without repeats', async () => {
      const first = await search({ near, radiusKm: 500 }, { first: 2 });
      const second = await search({ near, radiusKm: 500 }, { first: 10, after: first.pageInfo.endCursor });
      const all = await search({ near, radiusKm: 500 }, { first: 100 });
      expect([...first.nodes, ...second.nodes].map((n) => n.id)).toEqual(all.nodes.map((n) => n.id));
      expect(all.nodes.map((n) => n.name)).toContain('Lejos');
    });
  });
});
