import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { openSubgraph, SubgraphUnderTest, pageThrough } from '../helpers/subgraph';

const DEMO_SERVICES = 28;
const GUATEMALA_CITY = '{ latitude: 14.6349, longitude: -90.5069 }';

interface ServiceNode {
  id: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  shelter: Record<string, unknown> | null;
}

describe('organizations subgraph: services', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(organizationsSubgraph);
  });
  afterAll(() => subgraph.close());

  const list = async (filter: string) => {
    const { data, errors } = await subgraph.execute(`{ services(filter: ${filter}, first: 100) { totalCount nodes { name } } }`);
    expect(errors).toBeUndefined();
    const page = data!.services as { totalCount: number; nodes: { name: string }[] };
    expect(page.totalCount).toBe(page.nodes.length);
    return page.nodes.map((n) => n.name).sort();
  };
  const errorOf = async (filter: string) => {
    const { errors } = await subgraph.execute(`{ services(filter: ${filter}) { totalCount } }`);
    return errors![0].extensions;
  };

  describe('services', () => {
    it('lists every demo service, each with its organization and languages', async () => {
      const { data } = await subgraph.execute('{ services(first: 100) { totalCount nodes { isDemo languages organization { name } } } }');
      const page = data!.services as {
        totalCount: number;
        nodes: { isDemo: boolean; languages: string[]; organization: { name: string } }[];
      };
      expect(page.totalCount).toBe(DEMO_SERVICES);
      expect(page.nodes.every((n) => n.isDemo && n.languages.length > 0 && /demo/.test(n.organization.name))).toBe(true);
    });

    it('filters by country and type', async () => {
      expect(await list('{ country: "gt", type: SHELTER }')).toEqual(['Albergue Casa Esperanza (demo)']);
      expect(await list('{ type: HOTLINE }')).toHaveLength(4);
    });

    it('filters by an ISO 639-3 language code, in any case', async () => {
      const kiche = ['Albergue Casa Esperanza (demo)', 'Línea Esperanza 24 horas (demo)'];
      expect(await list('{ language: "quc" }')).toEqual(kiche);
      expect(await list('{ language: "QUC" }')).toEqual(kiche);
      expect(await list('{ language: "hat" }')).toHaveLength(4);
    });

    it('refuses a language that is not a three-letter code', async () => {
      expect(await errorOf('{ language: "es" }')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
      expect(await errorOf('{ language: "k\'iche\'" }')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    });

    it('filters by population', async () => {
      expect(await list('{ population: LGBTI }')).toEqual(['Casa Acolher (demo)', 'Gestión de casos Defensa Legal (demo)']);
    });

    it('searches the name and the description', async () => {
      expect(await list('{ search: "EMERGENCIA" }')).toEqual(['Albergue Casa Esperanza (demo)', 'Refugio Tekoporã (demo)']);
      // A language's name also finds the services offered in it (docs/search.md), as well as those naming it.
      const quechua = await list('{ search: "QUECHUA" }');
      expect(quechua).toEqual(
        expect.arrayContaining([
          'Escucha y acompañamiento Wasi Munay (demo)',
          'Línea Camino Seguro (demo)',
          'Casa de acogida Wasi Munay (demo)',
          'Defensoría Camino Seguro (demo)',
        ]),
      );
      expect(await list('{ search: "_" }')).toEqual([]);
    });

    it('combines criteria', async () => {
      expect(await list('{ country: "BO", language: "aym", type: VOCATIONAL_TRAINING }')).toEqual([
        'Formación laboral Camino Seguro (demo)',
      ]);
    });

    it('finds the services within a radius of a point, then the national ones of the country it lies in', async () => {
      expect(await list(`{ near: ${GUATEMALA_CITY}, radiusKm: 50 }`)).toEqual([
        'Acompañamiento psicosocial Casa Esperanza (demo)',
        'Albergue Casa Esperanza (demo)',
        'Línea Esperanza 24 horas (demo)',
      ]);
      const wider = await list(`{ near: ${GUATEMALA_CITY}, radiusKm: 250 }`);
      expect(wider).toContain('Línea Esperanza 24 horas (demo)');
      expect(wider).toContain('Hogar Manos Unidas (demo)');
      expect(wider).not.toContain('Línea Libre nacional (demo)');
      expect(await list(`{ near: ${GUATEMALA_CITY}, radiusKm: 250, type: SHELTER }`)).toEqual([
        'Albergue Casa Esperanza (demo)',
        'Casa de tránsito Línea Libre (demo)',
        'Hogar Manos Unidas (demo)',
      ]);
    });

    it('refuses a radius without a point, a point without a radius and a radius out of range', async () => {
      expect(await errorOf('{ radiusKm: 10 }')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'near' });
      expect(await errorOf(`{ near: ${GUATEMALA_CITY} }`)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'radiusKm' });
      expect(await errorOf(`{ near: ${GUATEMALA_CITY}, radiusKm: 0 }`)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await errorOf(`{ near: ${GUATEMALA_CITY}, radiusKm: 501 }`)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await errorOf('{ near: { latitude: 91, longitude: 0 }, radiusKm: 5 }')).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('pages through every service once, by name', async () => {
      const { ids: seen } = await pageThrough(subgraph, 'services', 8);
      expect(new Set(seen).size).toBe(DEMO_SERVICES);
      expect(seen).toHaveLength(DEMO_SERVICES);
    });

    it('refuses a page size over 100', async () => {
      const { errors } = await subgraph.execute('{ services(first: 500) { totalCount } }');
      expect(errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('service', () => {
    const byName = async (name: string): Promise<ServiceNode> => {
      const { data } = await subgraph.execute(
        `{ services(filter: { search: "${name}" }) { nodes { id name latitude longitude
            shelter { kind capacity minAge maxAge address availableBeds } } } }`,
      );
      return (data!.services as { nodes: ServiceNode[] }).nodes[0];
    };

    it('gives a service by id with its organization and country', async () => {
      const { id } = await byName('Línea Esperanza');
      const { data, errors } = await subgraph.execute(
        `{ service(id: "${id}") { name type city languages populations free phone hours
            latitude longitude shelter { kind } country { code } organization { name } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data!.service).toMatchObject({
        name: 'Línea Esperanza 24 horas (demo)',
        type: 'HOTLINE',
        city: 'Quetzaltenango',
        languages: ['spa', 'quc', 'mam'],
        free: true,
        hours: '24/7',
        latitude: 14.8347,
        longitude: -91.518,
        shelter: null,
        country: { code: 'GT' },
        organization: { name: 'Casa Esperanza (demo)' },
      });
      expect((data!.service as { phone: string }).phone).toMatch(/^\+1 555 01\d\d$/);
    });

    it("hides a shelter's address and free beds and coarsens its position for the public", async () => {
      const shelter = await byName('Albergue Casa Esperanza');
      expect(shelter.latitude).toBe(14.6);
      expect(shelter.longitude).toBe(-90.5);
      expect(shelter.shelter).toEqual({ kind: 'EMERGENCY', capacity: 24, minAge: 12, maxAge: 17, address: null, availableBeds: null });
    });

    it('answers null for an unknown or malformed id', async () => {
      const { data } = await subgraph.execute(
        '{ unknown: service(id: "00000000-0000-4000-8000-000000000000") { id } malformed: service(id: "1; DROP") { id } }',
      );
      expect(data).toEqual({ unknown: null, malformed: null });
    });
  });
});
