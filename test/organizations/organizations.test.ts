import { DEMO_ORGANIZATIONS, demoOrganizationId } from '../../services/kit/demo-ids';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { openSubgraph, SubgraphUnderTest, pageThrough } from '../helpers/subgraph';

interface Page {
  totalCount: number;
  nodes: { id: string; name: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('organizations subgraph: the directory of organizations', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(organizationsSubgraph);
  });
  afterAll(() => subgraph.close());

  const names = async (filter: string) => {
    const { data, errors } = await subgraph.execute(`{ organizations(filter: ${filter}) { totalCount nodes { name } } }`);
    expect(errors).toBeUndefined();
    return (data!.organizations as Page).nodes.map((n) => n.name);
  };

  describe('organizations', () => {
    it('lists every demo organization by name, verified and marked as demo', async () => {
      const { data } = await subgraph.execute('{ organizations(first: 100) { totalCount nodes { name status isDemo } } }');
      const page = data!.organizations as { totalCount: number; nodes: { name: string; status: string; isDemo: boolean }[] };
      expect(page.totalCount).toBe(DEMO_ORGANIZATIONS.length);
      expect(page.nodes.map((n) => n.name)).toEqual([
        'Camino Seguro Internacional (demo)',
        'Casa Esperanza (demo)',
        'Clínica Jurídica Defensa Legal (demo)',
        'Lakay Sekirite (demo)',
        'Línea Libre (demo)',
        'Manos Unidas (demo)',
        'Pastoral Tekoporã (demo)',
        'Red Sindical Puentes (demo)',
        'Rede Acolher (demo)',
        'Wasi Munay (demo)',
      ]);
      expect(page.nodes.every((n) => n.status === 'VERIFIED' && n.isDemo && /demo/i.test(n.name))).toBe(true);
    });

    it('filters by a country the organization is based in or serves, in any case', async () => {
      expect((await names('{ country: "pe" }')).sort()).toEqual(['Camino Seguro Internacional (demo)', 'Wasi Munay (demo)']);
    });

    it('refuses a country that is not an OAS Member State', async () => {
      const { errors } = await subgraph.execute('{ organizations(filter: { country: "XX" }) { totalCount } }');
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
    });

    it('filters by kind', async () => {
      expect((await names('{ kind: FAITH_BASED }')).sort()).toEqual(['Manos Unidas (demo)', 'Pastoral Tekoporã (demo)']);
    });

    it('searches the name and the description, case-insensitively and with wildcards taken literally', async () => {
      expect(await names('{ search: "ESPERANZA" }')).toEqual(['Casa Esperanza (demo)']);
      expect(await names('{ search: "triple frontera" }')).toEqual(['Pastoral Tekoporã (demo)']);
      expect(await names('{ search: "%" }')).toEqual([]);
    });

    it('gives the public verified organizations only, whatever status it asks for', async () => {
      expect(await names('{ status: VERIFIED }')).toHaveLength(DEMO_ORGANIZATIONS.length);
      expect(await names('{ status: PENDING }')).toEqual([]);
    });

    it('pages through every organization once', async () => {
      const { ids: seen, pageSizes } = await pageThrough(subgraph, 'organizations', 3);
      for (const size of pageSizes) expect(size).toBeLessThanOrEqual(3);
      expect(seen).toHaveLength(DEMO_ORGANIZATIONS.length);
      expect(new Set(seen).size).toBe(DEMO_ORGANIZATIONS.length);
    });

    it('refuses a page size over 100', async () => {
      const { errors } = await subgraph.execute('{ organizations(first: 101) { totalCount } }');
      expect(errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('organization', () => {
    it('gives an organization with its countries and its services by name', async () => {
      const { data, errors } = await subgraph.execute(
        `{ organization(id: "${demoOrganizationId('casa-esperanza-gt')}") {
            name kind website email phone country { code } countriesServed { code } services { name type }
          } }`,
      );
      expect(errors).toBeUndefined();
      expect(data!.organization).toEqual({
        name: 'Casa Esperanza (demo)',
        kind: 'NGO',
        website: 'https://casa-esperanza-gt.demo.enlace.example',
        email: 'contacto@casa-esperanza-gt.demo.enlace.example',
        phone: '+1 555 0101',
        country: { code: 'GT' },
        countriesServed: [{ code: 'GT' }, { code: 'HN' }, { code: 'MX' }, { code: 'SV' }],
        services: [
          { name: 'Acompañamiento psicosocial Casa Esperanza (demo)', type: 'PSYCHOSOCIAL' },
          { name: 'Albergue Casa Esperanza (demo)', type: 'SHELTER' },
          { name: 'Línea Esperanza 24 horas (demo)', type: 'HOTLINE' },
        ],
      });
    });

    it('answers null for an unknown or malformed id', async () => {
      const { data, errors } = await subgraph.execute(
        '{ unknown: organization(id: "00000000-0000-4000-8000-000000000000") { id } malformed: organization(id: "abc") { id } }',
      );
      expect(errors).toBeUndefined();
      expect(data).toEqual({ unknown: null, malformed: null });
    });
  });

  it('seeds idempotently: a second start duplicates nothing', async () => {
    const tables = ['organizations', 'organization_countries', 'services', 'service_languages', 'service_populations', 'shelters'];
    const count = async () =>
      Promise.all(tables.map(async (t) => Number((await subgraph.db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n)));
    const before = await count();
    await organizationsSubgraph.seed!(subgraph.db, subgraph.config, { info() {} } as never);
    expect(await count()).toEqual(before);
    expect(before.every((n) => n > 0)).toBe(true);
  });

  it('seeds nothing when demo data is switched off', async () => {
    const bare = await openSubgraph(organizationsSubgraph, { SEED_DEMO: 'false' });
    try {
      const { data } = await bare.execute('{ organizations { totalCount } services { totalCount } }');
      expect(data).toEqual({ organizations: { totalCount: 0 }, services: { totalCount: 0 } });
    } finally {
      await bare.close();
    }
  });
});
