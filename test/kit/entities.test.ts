import type { SubgraphName } from '../../services/platform/config';
import { startSubgraph } from '../../services/kit/subgraph';
import { SUBGRAPH_DEFINITIONS } from '../../services/subgraphs';
import { cleanUp, testConfig } from '../helpers/config';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';

const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';

/** An entity each subgraph owns, to show that a good representation beside a bad one is not resolved either. */
const KNOWN: Record<SubgraphName, Record<string, unknown>> = {
  accounts: { __typename: 'User', id: '00000000-0000-4000-8000-000000000000' },
  authorities: { __typename: 'Country', code: 'GT' },
  organizations: { __typename: 'Organization', id: '00000000-0000-4000-8000-000000000000' },
  practices: { __typename: 'Practice', id: '00000000-0000-4000-8000-000000000000' },
  agreements: { __typename: 'Agreement', id: '00000000-0000-4000-8000-000000000000' },
  workplan: { __typename: 'Guideline', number: 1 },
  reports: { __typename: 'CountryReport', id: '00000000-0000-4000-8000-000000000000' },
};

describe.each(Object.keys(SUBGRAPH_DEFINITIONS) as SubgraphName[])('the %s subgraph, asked for _entities', (name) => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(SUBGRAPH_DEFINITIONS[name]);
  });
  afterAll(() => subgraph.close());

  const refused = async (representations: unknown[]) => {
    const { data, errors } = await subgraph.execute(ENTITIES, { r: representations });
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations' });
    return errors![0].message;
  };

  it('refuses an unknown __typename as a bad input naming the entities it has', async () => {
    const message = await refused([KNOWN[name], { __typename: 'Nope', id: 'x' }]);
    expect(message).toMatch(/^"Nope" is not an entity type of this subgraph; this subgraph's entities are /);
    expect(message).toContain(String(KNOWN[name].__typename));
  });

  it('refuses a type of its schema that is no entity, and a representation without __typename', async () => {
    expect(await refused([{ __typename: 'Query' }])).toMatch(/"Query" is not an entity type/);
    expect(await refused([{ id: 'x' }])).toMatch(/has no __typename/);
    expect(await refused(['x'])).toMatch(/is an object with a __typename/);
  });

  it('still resolves its own entities', async () => {
    const { errors } = await subgraph.execute(ENTITIES, { r: [KNOWN[name]] });
    expect(errors).toBeUndefined();
  });
});

describe('a subgraph served over HTTP, asked for an unknown __typename', () => {
  it('answers BAD_USER_INPUT with its message, not "Internal server error"', async () => {
    const config = await testConfig();
    const workplan = await startSubgraph(SUBGRAPH_DEFINITIONS.workplan, config, 0);
    try {
      const response = await fetch(workplan.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: ENTITIES, variables: { r: [{ __typename: 'Nope', id: 'x' }] } }),
      });
      const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'representations' });
      expect(body.errors[0].message).toBe(
        '"Nope" is not an entity type of this subgraph; this subgraph\'s entities are Guideline, Indicator.',
      );
    } finally {
      await workplan.stop();
      await cleanUp(config);
    }
  });
});
