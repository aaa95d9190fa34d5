import { OAS_MEMBER_STATES } from '../../services/kit/countries';
import { seedBenchDataset } from '../../scripts/bench/dataset';
import { S1_MAX_COST, S1_QUERY, S4_QUERY } from '../../scripts/bench/queries';
import { mixed, signUp } from '../../scripts/bench/mixed';
import { BENCH_KEY_ENV } from '../../scripts/bench/processes';
import { startGraph, type TestGraph } from '../helpers/graph';

// npm run bench seeds this dataset into a store of its own; here, into a test graph's store, as it is.
describe("npm run bench's dataset", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    // S1 asks for more than the default cost allows; the benchmark raises the limit the same way.
    // The benchmark's keys: S6's Secretariat token is signed with them.
    graph = await startGraph({ ...BENCH_KEY_ENV, SEED_DEMO: 'false', QUERY_MAX_COST: String(S1_MAX_COST), MUTATION_RATE_LIMIT: '0' });
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

  it("answers every request of S6's loop, the writes included, without an error", async () => {
    interface Step {
      method: string;
      headers: Record<string, string>;
      body?: string;
      setupRequest?: (request: object, context: Record<string, unknown>) => { body: string };
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
    }
    const context: Record<string, unknown> = {};
    const answers: string[] = [];
    for (const step of mixed(await signUp(graph.url)) as Step[]) {
      const body = step.setupRequest ? step.setupRequest(step, context).body : step.body;
      const response = await fetch(graph.url, { method: step.method, headers: step.headers, body });
      const text = await response.text();
      step.onResponse?.(response.status, text, context);
      answers.push(`${response.status} ${text.includes('"errors":[') ? text : 'ok'}`);
    }
    expect(answers).toEqual(answers.map(() => '200 ok'));
  });
});
