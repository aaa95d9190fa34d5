import { startGraph, TestGraph } from '../helpers/graph';
import { doubleDemoData } from '../helpers/double-demo';

/**
 * A deep query through all six subgraphs. One root field, so that every list of a level is loaded in
 * the same tick and the count depends only on the operation's shape. Small pages where the cost limit
 * asks for them; the demo data, doubled, still fits in them.
 */
const DEEP = `{
  country(code: "GT") {
    name
    authorities(first: 5) {
      name
      agreements(first: 10) { title parties { country { name } authority { name } } guidelines { number } }
      practices { title }
    }
    organizations(first: 5) {
      name countriesServed { code }
      services { name languages shelter { kind capacity } }
      practices { title guidelines { number indicators { text } } }
    }
    practices { title countries { nameEs } authorities { name } organizations { name } guidelines { number section } }
    agreements { title parties { country { nameEs contactPoint { name } } } }
  }
}`;

const countRows = (value: unknown): number =>
  Array.isArray(value)
    ? value.length + value.reduce((sum: number, item) => sum + countRows(item), 0)
    : value && typeof value === 'object'
      ? Object.values(value).reduce((sum: number, item) => sum + countRows(item), 0)
      : 0;

describe('SQL statements of a deep cross-subgraph query', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  // Counted by request id: the gateway passes it to every subgraph, and the live feed's polling
  // of the event log, running meanwhile, is not part of the operation.
  let requests = 0;
  const measure = async () => {
    const requestId = `deep-${(requests += 1)}`;
    const { body } = await graph.query(DEEP, {}, { 'x-request-id': requestId });
    expect(body.errors).toBeUndefined();
    return { statements: graph.statements(requestId), rows: countRows(body.data) };
  };

  it('stays the same when the data doubles', async () => {
    const small = await measure();
    await doubleDemoData(graph);
    const large = await measure();
    expect(large.rows).toBeGreaterThan(small.rows * 1.8);
    expect(large.statements).toBe(small.statements);

    console.log(`deep query: ${small.statements} SQL statements for ${small.rows} list items, ${large.statements} for ${large.rows}`);
  });
});
