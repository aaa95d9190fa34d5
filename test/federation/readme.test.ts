import fs from 'node:fs';
import { exampleOperations } from '../../gateway/graphiql';
import { projectPath } from '../../services/platform/paths';
import { S1_MAX_COST, S1_QUERY } from '../../scripts/bench/queries';
import { startGraph, TestGraph } from '../helpers/graph';

const README = fs.readFileSync(projectPath('README.md'), 'utf8');
const EXAMPLES = exampleOperations();

/** The text of the README's section under `heading`, up to the next section of the same level. */
function section(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "${heading}" section`);
  const end = README.indexOf('\n## ', start + heading.length + 2);
  return README.slice(start, end < 0 ? undefined : end);
}

const graphqlBlocks = (text: string): string[] => [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
const EXAMPLES_SECTION = section('## Example queries');
// The walk of a deployment that starts empty needs its accounts: test/authorities/newcomer.gateway.test.ts runs it.
const WALK_SECTION = section('## Starting from empty');
/** The examples the docs point to from the README: the search guide's, and S1 in the performance guide. */
const SEARCH_DOC = fs.readFileSync(projectPath('docs', 'search.md'), 'utf8');
const PERFORMANCE_DOC = fs.readFileSync(projectPath('docs', 'performance.md'), 'utf8');
// graphql blocks elsewhere in the README and in the search guide are no GraphiQL tab but are run all the same.
const OTHER_BLOCKS = [...graphqlBlocks(README.replace(EXAMPLES_SECTION, '').replace(WALK_SECTION, '')), ...graphqlBlocks(SEARCH_DOC)];

/** Counts the non-empty leaves of an answer: an example that returns only nulls and [] shows nothing. */
function leaves(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + leaves(item), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + leaves(item), 0);
  return value === null || value === undefined ? 0 : 1;
}

describe('the example operations (gateway/examples, GraphiQL tabs)', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('are at least three, each a named operation so its GraphiQL tab has a title', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(3);
    for (const { query } of EXAMPLES) expect(query).toMatch(/^query [A-Z]\w+ \{/);
  });

  it('are what the README\'s "Example queries" shows, verbatim and in order, and nothing else in graphql', () => {
    expect(graphqlBlocks(EXAMPLES_SECTION)).toEqual(EXAMPLES.map(({ query }) => query));
  });

  it.each(EXAMPLES.map(({ file, query }) => [file, query]))('%s answers with data and no error', async (_file, query) => {
    const { body } = await graph.query(query);
    expect(body.errors).toBeUndefined();
    expect(leaves(body.data)).toBeGreaterThan(5);
  });

  it("leave the README's other graphql blocks, and the search guide's, true as well", async () => {
    expect(OTHER_BLOCKS.length).toBeGreaterThan(0);
    for (const query of OTHER_BLOCKS) {
      const { body } = await graph.query(query);
      expect({ query, errors: body.errors }).toEqual({ query, errors: undefined });
      expect(leaves(body.data)).toBeGreaterThan(5);
    }
  });

  it('show S1 in the performance guide as the benchmark runs it, refused at the default cost limit at the price the guide gives', async () => {
    expect(graphqlBlocks(PERFORMANCE_DOC).map((block) => block.trim())).toContain(S1_QUERY);
    const { status, body } = await graph.query(S1_QUERY);
    expect(status).toBe(400);
    expect(body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    const price = (body.errors![0].extensions!.actual as number).toLocaleString('en-US');
    expect(PERFORMANCE_DOC).toContain(`${price} fields`);
  });
});

describe("the benchmark's S1 at the benchmark's cost limit", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ QUERY_MAX_COST: String(S1_MAX_COST) });
  });
  afterAll(() => graph.stop());

  it('answers with data and no error', async () => {
    const { body } = await graph.query(S1_QUERY);
    expect(body.errors).toBeUndefined();
    expect(leaves(body.data)).toBeGreaterThan(5);
  });
});
