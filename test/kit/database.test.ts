import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';

/**
 * Numbers reach the database as parameters, never as SQL text: otherwise each new value is a new
 * statement, prepared again and kept in memory (on SQLite, TypeORM writes numbers into the text).
 */
describe('numbers in queries', () => {
  let subgraph: SubgraphUnderTest;
  let statements: string[];

  beforeAll(async () => {
    subgraph = await openSubgraph(organizationsSubgraph);
    const logQuery = subgraph.db.logger.logQuery.bind(subgraph.db.logger);
    subgraph.db.logger.logQuery = (query, parameters, runner) => {
      statements.push(query);
      return logQuery(query, parameters, runner);
    };
  });
  afterAll(() => subgraph.close());

  async function searchNear(latitude: number, longitude: number, radiusKm: number): Promise<Set<string>> {
    statements = [];
    const result = await subgraph.execute(
      `query($f: ServiceFilter) { services(filter: $f, first: 3) { totalCount nodes { name distanceKm } pageInfo { endCursor } } }`,
      { f: { near: { latitude, longitude }, radiusKm } },
    );
    expect(result.errors).toBeUndefined();
    return new Set(statements);
  }

  it('a search near another point, with another radius, runs the same statements', async () => {
    // Each point has services within its radius: a page of none reads no rows, so runs one statement fewer.
    const first = await searchNear(13.6929, -89.2182, 100.5);
    const second = await searchNear(14.6349, -90.5069, 250.25);
    const third = await searchNear(-12.0464, -77.0428, 37.125);
    expect(first.size).toBeGreaterThan(0);
    expect([...second]).toEqual([...first]);
    expect([...third]).toEqual([...first]);
    for (const value of ['100.5', '250.25', '37.125', '13.6929', '-90.5069', '-77.0428']) {
      for (const sql of third) expect(sql).not.toContain(value);
    }
  });

  it('a number bound as a parameter still compares as the number it is', async () => {
    // Guatemala City and Belize City are about 560 km apart: the radius decides whether the demo's
    // services of one are found from the other, as exactly with a bound number as with a written one.
    const belize = { latitude: 17.2514, longitude: -88.7669 };
    const near = async (radiusKm: number) => {
      const result = await subgraph.execute(`query($f: ServiceFilter) { services(filter: $f, first: 100) { nodes { distanceKm } } }`, {
        f: { near: belize, radiusKm },
      });
      expect(result.errors).toBeUndefined();
      return (result.data as { services: { nodes: { distanceKm: number }[] } }).services.nodes.map((node) => node.distanceKm);
    };
    const within = await near(500);
    expect(within.length).toBeGreaterThan(0);
    for (const radius of [1, 10, 100, 250]) {
      expect(await near(radius)).toEqual(within.filter((km) => km <= radius));
    }
  });
});
