import { OAS_MEMBER_STATES } from '../../services/kit/countries';
import { seedBenchDataset } from '../../scripts/bench/dataset';
import { S1_MAX_COST, S1_QUERY, S4_QUERY } from '../../scripts/bench/queries';
import { startGraph, type TestGraph } from '../helpers/graph';

// npm run bench seeds this dataset into a store of its own; here, into a test graph's store, as it is.
describe("npm run bench's dataset", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    // S1 asks for more than the default cost allows; the benchmark raises the limit the same way.
    graph = await startGraph({ SEED_DEMO: 'false', QUERY_MAX_COST: String(S1_MAX_COST) });
    await seedBenchDataset(graph.config, 1);
  });
  afterAll(() => graph.stop());

  it('loads into the current schema, and an anonymous reader sees its services in every list the benchmark reads', async () => {
    const { body } = await graph.query(
      '{ byName: services(filter: { search: "Benchmark" }, first: 1) { totalCount } newest: services(filter: { orderBy: NEWEST }, first: 1) { totalCount } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      byName: { totalCount: 2 * OAS_MEMBER_STATES.length },
      newest: { totalCount: 2 * OAS_MEMBER_STATES.length },
    });
  });

  it('answers the S1 and S4 operations without an error', async () => {
    for (const query of [S1_QUERY, S4_QUERY]) {
      const { body } = await graph.query(query);
      expect(body.errors).toBeUndefined();
      expect(body.data).toBeTruthy();
    }
  });
});
