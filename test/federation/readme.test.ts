import fs from 'node:fs';
import { projectPath } from '../../services/platform/paths';
import { startGraph, TestGraph } from '../helpers/graph';

const README = fs.readFileSync(projectPath('README.md'), 'utf8');
const EXAMPLES = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);

/** Counts the non-empty leaves of an answer: an example that returns only nulls and [] shows nothing. */
function leaves(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + leaves(item), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + leaves(item), 0);
  return value === null || value === undefined ? 0 : 1;
}

describe('the README', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('has three example queries', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(3);
  });

  it.each(EXAMPLES.map((query, index) => [index + 1, query]))('example %i answers with data and no error', async (_n, query) => {
    const { body } = await graph.query(query as string);
    expect(body.errors).toBeUndefined();
    expect(leaves(body.data)).toBeGreaterThan(5);
  });
});
