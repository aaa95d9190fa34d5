import fs from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { parse, type OperationDefinitionNode } from 'graphql';
import { measureOperation } from '../../services/platform/operation-limits';
import { projectPath } from '../../services/platform/paths';
import { asViewer, viewer } from '../helpers/auth';
import { startGraph, type TestGraph } from '../helpers/graph';
import { type Service, ServiceCoverage } from '../../services/organizations/entities/service.entity';
import { insertOrganization, insertService } from '../organizations/fixtures';

type PageInfo = { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
type Item = { id: string; distanceKm?: number | null };
type Page = { totalCount: number; nodes: Item[]; edges: { cursor: string; node: Item }[]; pageInfo: PageInfo };
type PageArgs = { first?: number; after?: string | null; last?: number; before?: string | null };

/** A list as a client pages it: the root field, the type of its filter and the filter. */
interface List {
  title: string;
  field: string;
  filterType: string;
  filter: Record<string, unknown> | null;
  headers?: Record<string, string>;
  /** The fields of a node compared across pages (the distance sorted by, for a near search). */
  fields?: string;
}

const secretariat = asViewer(viewer('SECRETARIAT'));
const NEAR_GUATEMALA = { near: { latitude: 14.63, longitude: -90.5 }, radiusKm: 500 };

const LISTS: List[] = [
  { title: 'services by name', field: 'services', filterType: 'ServiceFilter', filter: null },
  { title: 'services by relevance of a search', field: 'services', filterType: 'ServiceFilter', filter: { search: 'trata' } },
  { title: 'services by distance', field: 'services', filterType: 'ServiceFilter', filter: NEAR_GUATEMALA, fields: 'id distanceKm' },
  {
    title: 'services by distance, national ones of the country last',
    field: 'services',
    filterType: 'ServiceFilter',
    filter: { ...NEAR_GUATEMALA, country: 'GT' },
    fields: 'id distanceKm',
  },
  { title: 'services, newest first', field: 'services', filterType: 'ServiceFilter', filter: { orderBy: 'NEWEST' } },
  {
    title: 'services of a country, newest first',
    field: 'services',
    filterType: 'ServiceFilter',
    filter: { country: 'GT', orderBy: 'NEWEST' },
  },
  { title: 'organizations by name', field: 'organizations', filterType: 'OrganizationFilter', filter: null },
  { title: 'agreements by title', field: 'agreements', filterType: 'AgreementFilter', filter: null },
  { title: 'agreements, newest first', field: 'agreements', filterType: 'AgreementFilter', filter: { orderBy: 'NEWEST' } },
  { title: 'practices by title', field: 'practices', filterType: 'PracticeFilter', filter: null },
  { title: 'national authorities by name', field: 'authorities', filterType: 'AuthorityFilter', filter: null },
  {
    title: 'country reports, for the Secretariat',
    field: 'countryReports',
    filterType: 'CountryReportFilter',
    filter: null,
    headers: secretariat,
  },
];

const PAGE = (list: List) => `query($f: ${list.filterType}, $first: Int, $after: String, $last: Int, $before: String) {
  list: ${list.field}(filter: $f, first: $first, after: $after, last: $last, before: $before) {
    totalCount nodes { ${list.fields ?? 'id'} } edges { cursor node { ${list.fields ?? 'id'} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

/** Relay connections through the gateway (issue 19): edges, the whole PageInfo, and backward pages with last/before. */
describe('Relay connections through the gateway', () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startGraph();
    // Services a search for "trata" ranks differently (in the name, in the description), placed at several
    // distances from Guatemala City or found there by their national coverage, beside the demo's.
    const db = graph.subgraphs.organizations.db;
    const org = await insertOrganization(db, { name: 'Red Paginada', countryCode: 'GT' });
    const rows: [string, string | null, Partial<Service>][] = [
      ['Línea contra la trata', null, { coverage: ServiceCoverage.NATIONAL }],
      ['Asesoría jurídica', 'Víctimas de trata de personas.', { latitude: 14.64, longitude: -90.51 }],
      ['Trata: prevención', 'Talleres sobre la trata.', { latitude: 14.8, longitude: -90.3 }],
      ['Acompañamiento', 'Acompañamos a víctimas de trata.', { coverage: ServiceCoverage.NATIONAL }],
      ['Albergue temporal', 'Para sobrevivientes de trata.', { latitude: 15.1, longitude: -91.0 }],
      ['Trata y migración', null, { coverage: ServiceCoverage.INTERNATIONAL }],
    ];
    for (const [name, description, fields] of rows) await insertService(db, org, { name, description, ...fields });
  });
  afterAll(() => graph?.stop());

  const page = async (list: List, args: PageArgs): Promise<Page> => {
    const { body } = await graph.query(PAGE(list), { f: list.filter, ...args }, list.headers);
    expect(body.errors).toBeUndefined();
    const result = body.data.list as Page;
    // edges mirror nodes, and the page's cursors are those of its first and last edge.
    expect(result.edges.map((edge) => edge.node)).toEqual(result.nodes);
    expect(result.pageInfo.startCursor).toBe(result.edges[0]?.cursor ?? null);
    expect(result.pageInfo.endCursor).toBe(result.edges.at(-1)?.cursor ?? null);
    return result;
  };
  const nodes = (pages: Page[]) => pages.flatMap((p) => p.nodes);

  describe.each(LISTS)('$title', (list) => {
    const SIZE = 3;
    let all: Page;
    beforeAll(async () => {
      all = await page(list, { first: 100 });
    });

    it('has more rows than one page holds, so that walking it means several pages', () => {
      expect(all.totalCount).toBe(all.nodes.length);
      expect(all.nodes.length).toBeGreaterThan(SIZE + 1);
      expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    });

    it('gives the same rows in the same order forward with first/after and backward with last/before', async () => {
      const forward: Page[] = [];
      for (let after: string | null = null; forward.length === 0 || forward.at(-1)!.pageInfo.hasNextPage;) {
        forward.push(await page(list, { first: SIZE, after }));
        after = forward.at(-1)!.pageInfo.endCursor;
      }
      const backward: Page[] = [];
      for (let before: string | null = null; backward.length === 0 || backward.at(-1)!.pageInfo.hasPreviousPage;) {
        backward.push(await page(list, { last: SIZE, before }));
        before = backward.at(-1)!.pageInfo.startCursor;
      }
      expect(nodes(forward)).toEqual(all.nodes);
      expect(nodes([...backward].reverse())).toEqual(all.nodes);
      expect(forward.length).toBe(Math.ceil(all.nodes.length / SIZE));
      expect(backward.length).toBe(forward.length);
      // Forward: a previous page exists from the second page on, a next one up to the one before last.
      expect(forward.map((p) => p.pageInfo.hasPreviousPage)).toEqual(forward.map((_, i) => i > 0));
      expect(forward.map((p) => p.pageInfo.hasNextPage)).toEqual(forward.map((_, i) => i < forward.length - 1));
      // Backward, from the end: the mirror image.
      expect(backward.map((p) => p.pageInfo.hasNextPage)).toEqual(backward.map((_, i) => i > 0));
      expect(backward.map((p) => p.pageInfo.hasPreviousPage)).toEqual(backward.map((_, i) => i < backward.length - 1));
      expect(backward.every((p) => p.totalCount === all.totalCount)).toBe(true);
    });

    it("takes any edge's cursor as after or before", async () => {
      const middle = Math.floor(all.nodes.length / 2);
      const cursor = all.edges[middle].cursor;
      const after = await page(list, { first: 2, after: cursor });
      expect(after.nodes).toEqual(all.nodes.slice(middle + 1, middle + 3));
      expect(after.pageInfo.hasPreviousPage).toBe(true);
      const before = await page(list, { last: 2, before: cursor });
      expect(before.nodes).toEqual(all.nodes.slice(middle - 2, middle));
      expect(before.pageInfo.hasNextPage).toBe(true);
      expect(before.edges.map((edge) => edge.cursor)).toEqual(all.edges.slice(middle - 2, middle).map((edge) => edge.cursor));
      // Both cursors at once: the rows strictly between them.
      const between = await page(list, { first: 10, after: all.edges[0].cursor, before: all.edges[3].cursor });
      expect(between.nodes).toEqual(all.nodes.slice(1, 3));
      expect(between.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    });

    it('answers past either end with an empty page and null cursors', async () => {
      const end = await page(list, { first: SIZE, after: all.pageInfo.endCursor });
      expect(end.nodes).toEqual([]);
      expect(end.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
      const start = await page(list, { last: SIZE, before: all.pageInfo.startCursor });
      expect(start.nodes).toEqual([]);
      expect(start.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
    });
  });

  describe('refused page arguments', () => {
    const list = LISTS[0];
    const refused = async (args: PageArgs, field: string) => {
      const { body } = await graph.query(PAGE(list), { f: null, ...args });
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors![0].message).toContain(`\`${field}\``);
      return body.errors![0].message;
    };

    it('refuses first with last, saying which way to page', async () => {
      expect(await refused({ first: 2, last: 2 }, 'last')).toMatch(/first.*last.*not both/);
    });

    it('refuses a before cursor it did not give out, naming before', async () => {
      await refused({ last: 2, before: 'not-a-cursor' }, 'before');
      await refused({ last: 2, before: Buffer.from('["a"]').toString('base64url') }, 'before');
    });

    it('refuses an after cursor it did not give out, naming after', async () => {
      await refused({ first: 2, after: 'not-a-cursor' }, 'after');
    });

    it('refuses a last out of 1 to 100', async () => {
      await refused({ last: 0 }, 'last');
      await refused({ last: 101 }, 'last');
    });
  });

  describe("the edge's price of a page", () => {
    const apiSchema = Supergraph.build(fs.readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8'))
      .apiSchema()
      .toGraphQLJSSchema();
    const cost = (args: string, variables: Record<string, unknown> = {}) => {
      const document = parse(`query($n: Int) { services(${args}) { edges { node { name organization { name } } } } }`);
      return measureOperation(apiSchema, document, document.definitions[0] as OperationDefinitionNode, variables).cost;
    };

    it('prices a backward page like a forward page of the same size, so that last cannot slip past the cost limit', () => {
      expect(cost('last: 100')).toBe(cost('first: 100'));
      expect(cost('last: $n', { n: 100 })).toBe(cost('first: 100'));
      expect(cost('last: 100')).toBeGreaterThan(cost('first: 20'));
      expect(cost('first: 5, last: 100')).toBe(cost('first: 100'));
    });
  });
});
