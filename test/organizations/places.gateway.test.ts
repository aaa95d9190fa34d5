import { ServiceCoverage, ServiceType, Service } from '../../services/organizations/entities/service.entity';
import { individualLanguagesOf } from '../../services/kit/languages';
import { coarsen, distanceKm } from '../../services/organizations/geo';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, TestGraph } from '../helpers/graph';
import { insertOrganization, insertService, UPDATE } from './fixtures';

type Node = {
  id: string;
  name: string;
  coverage: string;
  city: string | null;
  languages: string[];
  updatedAt: string;
  distanceKm: number | null;
};
type Page = {
  totalCount: number;
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
};

const SERVICES = `query($f: ServiceFilter, $first: Int, $after: String, $last: Int, $before: String) {
  services(filter: $f, first: $first, after: $after, last: $last, before: $before) {
    totalCount nodes { id name city languages updatedAt distanceKm coverage latitude longitude }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

const secretariat = asViewer(viewer('SECRETARIAT'));
const GUATEMALA_CITY = { latitude: 14.6349, longitude: -90.5069 };

/** Issue 20, places and order: city, macrolanguages both ways, coverage in near searches, NEWEST, and no triangulation of a shelter. */
describe('services by place and order, through the gateway, on the demo directory', () => {
  let graph: TestGraph;

  const list = async (
    filter: Record<string, unknown> | null,
    args: Record<string, unknown> = { first: 100 },
    headers = {},
  ): Promise<Page> => {
    const { body } = await graph.query(SERVICES, { f: filter, ...args }, headers);
    expect(body.errors).toBeUndefined();
    return body.data.services as Page;
  };
  const refused = async (filter: Record<string, unknown>) => {
    const { body } = await graph.query(SERVICES, { f: filter, first: 10 });
    return { code: body.errors?.[0]?.extensions?.code, field: body.errors?.[0]?.extensions?.field };
  };
  /** Every service the public sees, to compute what a filter should find. */
  const everything = async () => (await list(null)).nodes;

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.stop());

  describe('city', () => {
    it('finds the services of a city whatever the case and accents: "tapachula" is Tapachula', async () => {
      const all = await everything();
      for (const city of ['Tapachula', 'Quetzaltenango']) {
        const expected = all.filter((n) => n.city === city).map((n) => n.id);
        expect(expected.length).toBeGreaterThan(0);
        for (const asked of [city, city.toLowerCase(), city.toUpperCase(), `  ${city.replace('a', 'á')} `]) {
          expect((await list({ city: asked })).nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
        }
      }
      const guatemala = all.filter((n) => n.city === 'Ciudad de Guatemala').map((n) => n.id);
      expect((await list({ city: 'ciudad  de guatemala' })).nodes.map((n) => n.id).sort()).toEqual([...guatemala].sort());
      // The whole name, not a part of it.
      expect((await list({ city: 'tapa' })).totalCount).toBe(0);
    });

    it('follows a city changed by updateService and a service added with one', async () => {
      const org = await insertOrganization(graph.subgraphs.organizations.db, { name: 'Red de Ciudades', countryCode: 'MX' });
      const added = await insertService(graph.subgraphs.organizations.db, org, { name: 'Oficina Ciudades', city: 'Ciudad Juárez' });
      expect((await list({ city: 'CIUDAD JUAREZ' })).nodes.map((n) => n.id)).toEqual([added.id]);
      const { body } = await graph.query(UPDATE, { id: added.id, i: { city: 'Tijuana' } }, secretariat);
      expect(body.errors).toBeUndefined();
      expect((await list({ city: 'ciudad juarez' })).totalCount).toBe(0);
      expect((await list({ city: 'tijuana', country: 'MX' })).nodes.map((n) => n.id)).toEqual([added.id]);
    });

    it('refuses a blank city or one longer than the column, naming the field', async () => {
      expect(await refused({ city: '   ' })).toEqual({ code: 'BAD_USER_INPUT', field: 'city' });
      expect(await refused({ city: 'x'.repeat(201) })).toEqual({ code: 'BAD_USER_INPUT', field: 'city' });
    });
  });

  describe('macrolanguages both ways', () => {
    it('finds the services in a macrolanguage by one of its individual languages: ayr finds aym, quz finds que', async () => {
      const all = await everything();
      const tagged = (...codes: string[]) =>
        all
          .filter((n) => n.languages.some((code) => codes.includes(code)))
          .map((n) => n.id)
          .sort();
      expect(tagged('aym').length).toBeGreaterThanOrEqual(4);
      expect((await list({ language: 'ayr' })).nodes.map((n) => n.id).sort()).toEqual(tagged('ayr', 'aym'));
      expect((await list({ language: 'quz' })).nodes.map((n) => n.id).sort()).toEqual(tagged('quz', 'que'));
      // And the other way, as before: the macrolanguage finds its individual languages.
      const que = (await list({ language: 'que' })).nodes.map((n) => n.id).sort();
      expect(que).toEqual(tagged('que', ...individualLanguagesOf('que')));
      expect(que).toEqual(expect.arrayContaining((await list({ language: 'quz' })).nodes.map((n) => n.id)));
      // A language outside any macrolanguage finds itself only.
      expect((await list({ language: 'hat' })).nodes.map((n) => n.id).sort()).toEqual(tagged('hat'));
    });
  });

  describe('coverage in near searches', () => {
    it('finds the national hotline of Guatemala near Guatemala City, after the local ones and without a distance', async () => {
      const national = (await list({ type: ServiceType.HOTLINE, country: 'GT' })).nodes.filter((n) => n.coverage === 'NATIONAL');
      expect(national.length).toBeGreaterThan(0);
      const near = await list({ type: ServiceType.HOTLINE, near: GUATEMALA_CITY, radiusKm: 10 });
      const ids = near.nodes.map((n) => n.id);
      expect(ids).toEqual(expect.arrayContaining(national.map((n) => n.id)));
      const firstCovered = near.nodes.findIndex((n) => n.distanceKm === null);
      expect(near.nodes.slice(firstCovered).every((n) => n.distanceKm === null)).toBe(true);
      expect(near.nodes.slice(0, firstCovered).every((n) => n.distanceKm !== null && n.distanceKm <= 10)).toBe(true);
      // In Lima the Guatemalan hotline is not found; far out in the Pacific no national service is.
      const lima = await list({ type: ServiceType.HOTLINE, near: { latitude: -12.05, longitude: -77.04 }, radiusKm: 10 });
      expect(lima.nodes.map((n) => n.id)).not.toEqual(expect.arrayContaining(national.map((n) => n.id)));
      const pacific = await list({ near: { latitude: 0, longitude: -120 }, radiusKm: 50 });
      expect(pacific.totalCount).toBe(0);
    });

    it('finds an INTERNATIONAL service in the countries its organization serves', async () => {
      const db = graph.subgraphs.organizations.db;
      const org = await insertOrganization(db, { name: 'Red Fronteras', countryCode: 'MX', countriesServed: ['MX', 'GT'] });
      const across = await insertService(db, org, { name: 'Red Fronteras en línea', coverage: ServiceCoverage.INTERNATIONAL });
      const inMexicoOnly = await insertService(db, org, { name: 'Red Fronteras nacional', coverage: ServiceCoverage.NATIONAL });
      const at = async (point: { latitude: number; longitude: number }) =>
        (await list({ near: point, radiusKm: 5 })).nodes.filter((n) => n.distanceKm === null).map((n) => n.id);
      expect(await at(GUATEMALA_CITY)).toContain(across.id);
      expect(await at(GUATEMALA_CITY)).not.toContain(inMexicoOnly.id);
      expect(await at({ latitude: 19.43, longitude: -99.13 })).toEqual(expect.arrayContaining([across.id, inMexicoOnly.id]));
      expect(await at({ latitude: -12.05, longitude: -77.04 })).not.toContain(across.id);
    });

    it('pages a near search through the services found by coverage, forward and backward, without repeats', async () => {
      const filter = { near: GUATEMALA_CITY, radiusKm: 200 };
      const all = (await list(filter)).nodes;
      expect(all.some((n) => n.distanceKm === null)).toBe(true);
      expect(await walk(filter, 'forward')).toEqual(all.map((n) => n.id));
      expect(await walk(filter, 'backward')).toEqual(all.map((n) => n.id));
    });
  });

  /** The ids of a list read 3 at a time, with first/after or with last/before from the end. */
  const walk = async (filter: Record<string, unknown>, way: 'forward' | 'backward'): Promise<string[]> => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    for (;;) {
      const page: Page = await list(filter, way === 'forward' ? { first: 3, after: cursor } : { last: 3, before: cursor });
      pages.push(page.nodes.map((n) => n.id));
      const more = way === 'forward' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
      if (!more) break;
      cursor = way === 'forward' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
    }
    return (way === 'forward' ? pages : pages.reverse()).flat();
  };

  describe('orderBy', () => {
    it('lists the most recently updated first with NEWEST, paged both ways', async () => {
      const all = await everything();
      const target = all[Math.floor(all.length / 2)];
      const { body } = await graph.query(UPDATE, { id: target.id, i: { hours: 'Lun-Vie 9:00-15:00' } }, secretariat);
      expect(body.errors).toBeUndefined();
      const newest = (await list({ orderBy: 'NEWEST' })).nodes;
      expect(newest[0].id).toBe(target.id);
      expect(newest.map((n) => n.id).sort()).toEqual(all.map((n) => n.id).sort());
      const times = newest.map((n) => Date.parse(n.updatedAt));
      expect(times.every((time, i) => i === 0 || time <= times[i - 1])).toBe(true);
      expect(await walk({ orderBy: 'NEWEST' }, 'forward')).toEqual(newest.map((n) => n.id));
      expect(await walk({ orderBy: 'NEWEST' }, 'backward')).toEqual(newest.map((n) => n.id));
      // With other filters: the same order, narrowed.
      const guatemala = (await list({ orderBy: 'NEWEST', country: 'GT' })).nodes.map((n) => n.id);
      const inGuatemala = new Set((await list({ country: 'GT' })).nodes.map((n) => n.id));
      expect(guatemala).toEqual(newest.map((n) => n.id).filter((id) => inGuatemala.has(id)));
    });

    it('orders by NAME or NEWEST within a search or a near search, and refuses an order with nothing to sort by', async () => {
      const byName = (await list({ search: 'apoyo', orderBy: 'NAME' })).nodes.map((n) => n.name);
      expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const near = await list({ near: GUATEMALA_CITY, radiusKm: 50, orderBy: 'NEWEST' });
      expect(near.nodes.map((n) => n.id).sort()).toEqual(
        (await list({ near: GUATEMALA_CITY, radiusKm: 50 })).nodes.map((n) => n.id).sort(),
      );
      expect(await refused({ orderBy: 'RELEVANCE' })).toEqual({ code: 'BAD_USER_INPUT', field: 'orderBy' });
      expect(await refused({ orderBy: 'DISTANCE' })).toEqual({ code: 'BAD_USER_INPUT', field: 'orderBy' });
    });
  });

  describe('a shelter under repeated near searches', () => {
    /**
     * The attack: near searches from points all around a shelter, with radii whose edge crosses its cell,
     * recording all a viewer reads (totalCount, the order, distanceKm, the position shown). The feasible
     * region is the set of positions the shelter could have given the same answers: the test moves the
     * shelter to each point of a grid around its cell (a direct write) and asks the same questions again.
     */
    const CELL = 0.1;
    const STEP = 0.025;
    const OFFSETS = [-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5].map((k) => k * STEP);

    let shelter: Service;
    let cell: { latitude: number; longitude: number };
    let questions: { near: { latitude: number; longitude: number }; radiusKm: number }[];

    beforeAll(async () => {
      const repository = graph.subgraphs.organizations.db.getRepository(Service);
      const shelters = await repository.findBy({ type: ServiceType.SHELTER, isDemo: true, archived: false, city: 'Ciudad de Guatemala' });
      shelter = shelters.find((s) => s.latitude !== null)!;
      cell = { latitude: coarsen(shelter.latitude!), longitude: coarsen(shelter.longitude!) };
      // Centres 3 to 25 km from the cell, in 8 directions; radii from just inside to just beyond it.
      questions = [];
      for (const [i, km] of [3, 8, 25].entries()) {
        for (let k = 0; k < 8; k += 1) {
          const angle = (k * Math.PI) / 4 + i * 0.3;
          const near = {
            latitude: cell.latitude + (km / 111.2) * Math.cos(angle),
            longitude: cell.longitude + (km / (111.2 * Math.cos((cell.latitude * Math.PI) / 180))) * Math.sin(angle),
          };
          const toCell = distanceKm(near, cell);
          questions.push({ near, radiusKm: Math.max(0.5, toCell - 3 + (k % 4) * 2) });
        }
      }
    });
    afterAll(() =>
      graph.subgraphs.organizations.db
        .getRepository(Service)
        .update({ id: shelter.id }, { latitude: shelter.latitude, longitude: shelter.longitude }),
    );

    const answers = async (headers: Record<string, string>) => {
      const seen: string[] = [];
      for (const filter of questions) {
        const { body } = await graph.query(SERVICES, { f: { ...filter, type: ServiceType.SHELTER }, first: 100 }, headers);
        expect(body.errors).toBeUndefined();
        const page = body.data.services;
        seen.push(
          JSON.stringify([page.totalCount, page.nodes.map((n: Record<string, unknown>) => [n.id, n.distanceKm, n.latitude, n.longitude])]),
        );
      }
      return seen.join('\n');
    };
    const placedAt = (latitude: number, longitude: number) =>
      graph.subgraphs.organizations.db.getRepository(Service).update({ id: shelter.id }, { latitude, longitude });

    /** The grid points (offsets from the cell's centre) where the shelter gives the same answers as where it is. */
    const feasible = async (headers: Record<string, string>, offsets: number[]) => {
      await placedAt(shelter.latitude!, shelter.longitude!);
      const observed = await answers(headers);
      const found: [number, number][] = [];
      for (const dLat of offsets) {
        for (const dLon of offsets) {
          await placedAt(cell.latitude + dLat, cell.longitude + dLon);
          if ((await answers(headers)) === observed) found.push([dLat, dLon]);
        }
      }
      await placedAt(shelter.latitude!, shelter.longitude!);
      return found;
    };
    const km2 = (points: number) => {
      const kmPerDegree = 111.2;
      return points * STEP * kmPerDegree * STEP * kmPerDegree * Math.cos((cell.latitude * Math.PI) / 180);
    };

    it('cannot be pinned below its public 0.1-degree cell by a viewer who may not see its address', async () => {
      const found = await feasible({}, OFFSETS);
      const inCell = OFFSETS.filter((d) => Math.abs(d) < CELL / 2);
      // Every point of the cell answers alike; points of the neighbouring cells do not (the cell itself is public).
      expect(found).toEqual(inCell.flatMap((dLat) => inCell.map((dLon) => [dLat, dLon])));
      const area = km2(found.length);
      const cellArea = km2((CELL / STEP) ** 2);
      expect(area).toBeGreaterThanOrEqual(cellArea);
      // The figure for the report: the smallest region the attacker pins the shelter to.
      console.info(
        `shelter triangulation: ${questions.length} near searches pin it to ${area.toFixed(0)} km² (its cell: ${cellArea.toFixed(0)} km²)`,
      );
    });

    it('is pinned far below the cell by the same attack for a viewer who may see the exact position: the attack works', async () => {
      const inCell = OFFSETS.filter((d) => Math.abs(d) < CELL / 2);
      const found = await feasible(secretariat, inCell);
      expect(found.length).toBeLessThan(inCell.length ** 2);
    });
  });
});
