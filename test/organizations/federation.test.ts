import { demoOrganizationId } from '../../services/kit/demo-ids';
import { newId } from '../../services/kit/ids';
import { Organization, VerificationStatus } from '../../services/organizations/entities/organization.entity';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';
import { countryRef, ENTITIES, insertMembership, insertOrganization, insertService } from './fixtures';

describe('organizations subgraph: fields it adds to the rest of the graph', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(organizationsSubgraph);
  });
  afterAll(() => subgraph.close());

  const entities = async (representations: unknown[], source = ENTITIES) => {
    const { data, errors } = await subgraph.execute(source, { representations });
    expect(errors).toBeUndefined();
    return data!._entities as Record<string, unknown>[];
  };

  describe('Country', () => {
    it('lists the verified organizations based in each country', async () => {
      const [gt, sv, us] = await entities([countryRef('GT'), countryRef('SV'), countryRef('US')]);
      expect(gt).toEqual({ __typename: 'Country', code: 'GT', organizations: [{ name: 'Casa Esperanza (demo)' }] });
      expect(sv.organizations).toEqual([{ name: 'Manos Unidas (demo)' }]);
      expect(us.organizations).toEqual([]);
    });

    it("lists each country's services with the filter's other criteria, by name", async () => {
      const source = `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Country { all: services { name } hotlines: services(filter: { type: HOTLINE, country: "MX" }) { name } } } }`;
      const [gt, ht] = await entities([countryRef('GT'), countryRef('HT')], source);
      expect(gt).toEqual({
        all: [
          { name: 'Acompañamiento psicosocial Casa Esperanza (demo)' },
          { name: 'Albergue Casa Esperanza (demo)' },
          { name: 'Línea Esperanza 24 horas (demo)' },
        ],
        hotlines: [{ name: 'Línea Esperanza 24 horas (demo)' }],
      });
      expect(ht.hotlines).toEqual([{ name: 'Liy dirèk Lakay Sekirite (demo)' }]);
    });

    it('refuses a bad filter on Country.services', async () => {
      const { errors } = await subgraph.execute(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Country { services(filter: { language: "xx" }) { name } } } }',
        { r: [countryRef('GT')] },
      );
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    });

    it('gives the first services of each country by name: 20 by default, `first` at most 100, each country its own', async () => {
      const organization = await insertOrganization(subgraph.db, { name: 'Many Services Org', countryCode: 'JM' });
      for (let i = 0; i < 105; i += 1) {
        await insertService(subgraph.db, organization, { name: `Service ${String(i).padStart(3, '0')}` });
      }
      const names = async (first: string) => {
        const source = `query($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on Country { services${first} { name } } } }`;
        const countries = await entities([countryRef('JM'), countryRef('GT')], source);
        return countries.map((country) => (country.services as { name: string }[]).map((s) => s.name));
      };
      const [jm, gt] = await names('');
      expect(jm).toEqual(Array.from({ length: 20 }, (_, i) => `Service ${String(i).padStart(3, '0')}`));
      expect(gt).toHaveLength(3);
      const [jm100, gt100] = await names('(first: 100)');
      expect(jm100).toHaveLength(100);
      expect(jm100[99]).toBe('Service 099');
      expect(gt100).toEqual(gt);
      const [jm2, gt2] = await names('(first: 2)');
      expect(jm2).toEqual(['Service 000', 'Service 001']);
      expect(gt2).toEqual(gt.slice(0, 2));
    });
  });

  describe('User', () => {
    it('gives the organization a user is a member of, and null when none or it is not verified', async () => {
      const member = newId();
      const pendingMember = newId();
      const pending = await insertOrganization(subgraph.db, { name: 'Pending Org', status: VerificationStatus.PENDING });
      await insertMembership(subgraph.db, pendingMember, pending);
      const verified = await subgraph.db.getRepository(Organization).findOneByOrFail({ id: demoOrganizationId('puentes-ar') });
      await insertMembership(subgraph.db, member, verified);
      const users = await entities([
        { __typename: 'User', id: member },
        { __typename: 'User', id: newId() },
        { __typename: 'User', id: pendingMember },
        { __typename: 'User', id: 'not-a-uuid' },
      ]);
      expect(users.map((u) => u.organization)).toEqual([{ name: 'Red Sindical Puentes (demo)' }, null, null, null]);
    });
  });

  describe('Organization and Service references', () => {
    it('resolve to the entity, or null for an unknown id', async () => {
      const { data } = await subgraph.execute('{ services(filter: { search: "Casa Acolher" }) { nodes { id } } }');
      const serviceId = (data!.services as { nodes: { id: string }[] }).nodes[0].id;
      const resolved = await entities([
        { __typename: 'Organization', id: demoOrganizationId('rede-acolher-br') },
        { __typename: 'Service', id: serviceId },
        { __typename: 'Organization', id: newId() },
        { __typename: 'Service', id: 'nope' },
      ]);
      expect(resolved).toEqual([
        { __typename: 'Organization', id: demoOrganizationId('rede-acolher-br'), name: 'Rede Acolher (demo)' },
        { __typename: 'Service', id: serviceId, name: 'Casa Acolher (demo)' },
        null,
        null,
      ]);
    });
  });
});
