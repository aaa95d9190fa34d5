import { randomUUID } from 'node:crypto';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../services/platform/limits';
import { startGraph, type TestGraph } from '../helpers/graph';
import { REGISTER } from './fixtures';

const REGISTERED = 40;

/** `{ country(code:"GT") { organizations { name country { organizations { ... } } } } }`, `levels` lists deep, each with `args`. */
function nested(levels: number, args = ''): string {
  let selection = `organizations${args} { name }`;
  for (let level = 1; level < levels; level += 1) selection = `organizations${args} { name country { ${selection} } }`;
  return `{ country(code: "GT") { ${selection} } }`;
}

/** The attack of issue 15, item 1, through the gateway: a member's 40 PENDING organizations, nested lists five deep. */
describe('nested lists through the gateway', () => {
  let graph: TestGraph;
  let authorization: Record<string, string>;
  const mine: string[] = [];

  beforeAll(async () => {
    graph = await startGraph();
    const signUp = 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }';
    const input = { email: `lista.${randomUUID()}@example.org`, password: 'una contraseña bien larga', name: 'Lista Larga' };
    const { body } = await graph.query(signUp, { i: input });
    authorization = { authorization: `Bearer ${body.data.signUp.token}` };
    for (let i = 0; i < REGISTERED; i += 1) {
      const name = `Organización en lista ${String(i).padStart(2, '0')}`;
      const registered = await graph.query(REGISTER, { i: { name, kind: 'NGO', country: 'GT' } }, authorization);
      expect(registered.body.data.registerOrganization).toMatchObject({ name, status: 'PENDING' });
      mine.push(name);
    }
  }, 60_000);
  afterAll(() => graph?.stop());

  const names = (list: { name: string }[]) => list.map((o) => o.name);

  it('refuses the five-level query with QUERY_TOO_COMPLEX (cost) before any subgraph works', async () => {
    const before = graph.statements();
    const { status, body } = await graph.query(nested(5), undefined, authorization);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(graph.statements()).toBe(before);
  });

  it('answers it with first: 3 at each level, every list at most 3 long', async () => {
    const { body } = await graph.query(nested(5, '(first: 3)'), undefined, authorization);
    expect(body.errors).toBeUndefined();
    let lists: { name: string; country?: { organizations: unknown[] } }[][] = [body.data.country.organizations];
    for (let level = 0; level < 5; level += 1) {
      for (const list of lists) expect(list).toHaveLength(3);
      lists = lists.flatMap((list) => list.filter((o) => o.country).map((o) => o.country!.organizations as typeof list));
    }
  });

  it(`gives ${DEFAULT_PAGE_SIZE} of a country's organizations by default, every one of the member's with first: ${MAX_PAGE_SIZE}`, async () => {
    const query = 'query($n: Int) { country(code: "GT") { organizations(first: $n) { name } } }';
    const byDefault = await graph.query('{ country(code: "GT") { organizations { name } } }', undefined, authorization);
    expect(byDefault.body.data.country.organizations).toHaveLength(DEFAULT_PAGE_SIZE);
    const all = await graph.query(query, { n: MAX_PAGE_SIZE }, authorization);
    expect(names(all.body.data.country.organizations)).toEqual(expect.arrayContaining(mine));
    expect(names(byDefault.body.data.country.organizations)).toEqual(
      names(all.body.data.country.organizations).slice(0, DEFAULT_PAGE_SIZE),
    );
    const anonymous = await graph.query(query, { n: MAX_PAGE_SIZE });
    expect(names(anonymous.body.data.country.organizations).filter((name) => mine.includes(name))).toEqual([]);
  });

  it(`refuses first: ${MAX_PAGE_SIZE + 1} with BAD_USER_INPUT naming it`, async () => {
    const { body } = await graph.query(
      `{ country(code: "GT") { organizations(first: ${MAX_PAGE_SIZE + 1}) { name } } }`,
      undefined,
      authorization,
    );
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('gives each country of a batch its own first n', async () => {
    const { body } = await graph.query('{ countries { code organizations(first: 2) { name } } }', undefined, authorization);
    expect(body.errors).toBeUndefined();
    const byCode = new Map(
      (body.data.countries as { code: string; organizations: { name: string }[] }[]).map((c) => [c.code, c.organizations]),
    );
    expect(byCode.get('GT')).toHaveLength(2);
    expect(byCode.get('SV')).toEqual([{ name: 'Manos Unidas (demo)' }]);
    expect([...byCode.values()].every((list) => list.length <= 2)).toBe(true);
  });
});
