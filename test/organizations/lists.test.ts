import { SelectQueryBuilder } from 'typeorm';
import { VerificationStatus } from '../../services/organizations/entities/organization.entity';
import { createLoaders } from '../../services/organizations/loaders';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../services/platform/limits';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';
import { countryRef, insertOrganization, insertService } from './fixtures';

/** The nested lists of this subgraph that grow with the data are bounded per parent, inside the database (issue 15, item 1). */
describe('organizations subgraph: nested lists are bounded', () => {
  let subgraph: SubgraphUnderTest;
  const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    subgraph = await openSubgraph(organizationsSubgraph);
    for (const name of names('Lista GT', 30)) await insertOrganization(subgraph.db, { name, countryCode: 'GT' });
    for (const name of names('Lista HN', 25)) await insertOrganization(subgraph.db, { name, countryCode: 'HN' });
    await insertOrganization(subgraph.db, { name: 'Lista GT pendiente', countryCode: 'GT', status: VerificationStatus.PENDING });
    const many = await insertOrganization(subgraph.db, { name: 'Muchos servicios', countryCode: 'PA' });
    for (const name of names('Servicio', 30)) await insertService(subgraph.db, many, { name });
  });
  afterAll(() => subgraph.close());

  const countries = async (selection: string, codes: string[]) => {
    const { data, errors } = await subgraph.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Country { ${selection} } } }`,
      {
        r: codes.map(countryRef),
      },
    );
    return { countries: (data?._entities ?? []) as { organizations: { name: string; services?: { name: string }[] }[] }[], errors };
  };

  it('gives each country of a batch its own first n, in one statement that returns no more rows than that', async () => {
    const loaders = createLoaders(subgraph.db, null);
    const visibility = await loaders.visibility();
    const getMany = jest.spyOn(SelectQueryBuilder.prototype, 'getMany');
    try {
      const lists = await Promise.all(
        ['GT', 'HN', 'US'].map((code) => loaders.organizationsByCountry({ first: 3, visibility }).load(code)),
      );
      expect(lists.map((list) => list.map((o) => o.name))).toEqual([
        ['Casa Esperanza (demo)', ...names('Lista GT', 2)],
        names('Lista HN', 3),
        [],
      ]);
      expect(getMany).toHaveBeenCalledTimes(1);
      const rows = (await getMany.mock.results[0].value) as unknown[];
      expect(rows).toHaveLength(6);
    } finally {
      getMany.mockRestore();
    }
  });

  it(`gives ${DEFAULT_PAGE_SIZE} organizations of a country by default and up to ${MAX_PAGE_SIZE} with first, the pending one hidden`, async () => {
    const byDefault = await countries('organizations { name }', ['GT', 'HN']);
    expect(byDefault.errors).toBeUndefined();
    expect(byDefault.countries.map((c) => c.organizations.length)).toEqual([DEFAULT_PAGE_SIZE, DEFAULT_PAGE_SIZE]);
    const all = await countries(`organizations(first: ${MAX_PAGE_SIZE}) { name }`, ['GT', 'HN']);
    expect(all.countries[0].organizations.map((o) => o.name)).toEqual(['Casa Esperanza (demo)', ...names('Lista GT', 30)]);
    expect(all.countries[1].organizations).toHaveLength(25);
    expect(byDefault.countries[0].organizations).toEqual(all.countries[0].organizations.slice(0, DEFAULT_PAGE_SIZE));
  });

  it("bounds an organization's services the same way", async () => {
    const { countries: found, errors } = await countries('organizations { name services(first: 4) { name } }', ['PA']);
    expect(errors).toBeUndefined();
    const many = found[0].organizations.find((o) => o.name === 'Muchos servicios')!;
    expect(many.services!.map((s) => s.name)).toEqual(names('Servicio', 4));
  });

  it.each([0, MAX_PAGE_SIZE + 1, -1])('refuses first: %i with BAD_USER_INPUT naming it', async (first) => {
    const { errors } = await countries(`organizations(first: ${first}) { name }`, ['GT']);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
