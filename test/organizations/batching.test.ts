import { newId } from '../../services/kit/ids';
import { statementCount } from '../../services/kit/statements';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';
import { countryRef, insertMembership, insertOrganization, insertService } from './fixtures';

/**
 * Operations that walk every nested list and reference of the subgraph, as the gateway sends them:
 * one root field each (root fields running side by side may split a loader's batch depending on when
 * the database answers them, which makes the count depend on timing, though never on rows).
 */
const OPERATIONS: Record<string, string> = {
  organizations: `{ organizations(first: 100) { totalCount nodes {
    name country { code } countriesServed { code }
    services { name latitude shelter { kind address } organization { name services { name } } } } } }`,
  services: '{ services(first: 100) { totalCount nodes { name organization { name countriesServed { code } } shelter { capacity } } } }',
  countries: `query($countries: [_Any!]!) { _entities(representations: $countries) { ... on Country {
    organizations { name services { name } }
    services(filter: { type: SHELTER }) { name organization { name } shelter { kind } } } } }`,
  references: `query($references: [_Any!]!) { _entities(representations: $references) {
    ... on User { organization { name } }
    ... on Organization { name countriesServed { code } }
    ... on Service { name shelter { kind } } } }`,
};

describe('organizations subgraph: batching', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(organizationsSubgraph);
  });
  afterAll(() => subgraph.close());

  /** Adds `count` organizations over `countries`, each with a member, a shelter and a hotline. */
  const grow = async (count: number, countries: string[]) => {
    const references: Record<string, string>[] = [];
    for (let i = 0; i < count; i += 1) {
      const organization = await insertOrganization(subgraph.db, {
        name: `Batch Org ${countries.length}-${i}`,
        countryCode: countries[i % countries.length],
        countriesServed: countries,
      });
      const shelter = await insertService(subgraph.db, organization, {
        name: `Batch Shelter ${i}`,
        latitude: 9.9,
        longitude: -84.1,
        shelter: {},
      });
      await insertService(subgraph.db, organization, { name: `Batch Hotline ${i}` });
      const user = newId();
      await insertMembership(subgraph.db, user, organization);
      references.push(
        { __typename: 'User', id: user },
        { __typename: 'Organization', id: organization.id },
        { __typename: 'Service', id: shelter.id },
      );
    }
    return { countries: countries.map(countryRef), references };
  };

  /** SQL statements of each operation, and how many entities each answered. */
  const measure = async (variables: Record<string, unknown>) => {
    const counts: Record<string, { statements: number; size: number }> = {};
    for (const [name, source] of Object.entries(OPERATIONS)) {
      const before = statementCount(subgraph.db);
      const { data, errors } = await subgraph.execute(source, variables);
      expect(errors).toBeUndefined();
      counts[name] = { statements: statementCount(subgraph.db) - before, size: JSON.stringify(data).length };
    }
    return counts;
  };

  it('runs as many SQL statements for each nested operation whatever the number of rows', async () => {
    const small = await measure(await grow(2, ['CR', 'PA']));
    const large = await measure(await grow(30, ['CR', 'PA', 'DO', 'UY', 'CL', 'EC']));
    for (const name of Object.keys(OPERATIONS)) {
      expect({ name, statements: large[name].statements }).toEqual({ name, statements: small[name].statements });
      expect(large[name].size).toBeGreaterThan(small[name].size * 2);
      expect(small[name].statements).toBeLessThanOrEqual(6);
    }
  });
});
