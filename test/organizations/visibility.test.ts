import { VerificationStatus } from '../../services/organizations/entities/organization.entity';
import type { Organization } from '../../services/organizations/entities/organization.entity';
import type { Service } from '../../services/organizations/entities/service.entity';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';
import { countryRef, insertOrganization, insertService } from './fixtures';

describe('organizations subgraph: what the public sees', () => {
  let subgraph: SubgraphUnderTest;
  let hidden: Record<'PENDING' | 'SUSPENDED', { organization: Organization; service: Service }>;
  beforeAll(async () => {
    subgraph = await openSubgraph(organizationsSubgraph);
    const make = async (status: VerificationStatus) => {
      const organization = await insertOrganization(subgraph.db, { name: `Hidden ${status} Org`, countryCode: 'GT', status });
      const service = await insertService(subgraph.db, organization, {
        name: `Hidden ${status} Shelter`,
        latitude: 14.63,
        longitude: -90.5,
        shelter: { capacity: 8 },
      });
      return { organization, service };
    };
    hidden = { PENDING: await make(VerificationStatus.PENDING), SUSPENDED: await make(VerificationStatus.SUSPENDED) };
  });
  afterAll(() => subgraph.close());

  describe.each(['PENDING', 'SUSPENDED'] as const)('an organization %s verification and its service', (status) => {
    it('are not listed, even when asked for by status, name or country', async () => {
      const { data, errors } = await subgraph.execute(
        `{ byStatus: organizations(filter: { status: ${status} }) { totalCount }
           byName: organizations(filter: { search: "Hidden" }) { totalCount }
           inCountry: organizations(filter: { country: "GT" }, first: 100) { nodes { name } }
           services(filter: { search: "Hidden" }) { totalCount }
           near: services(filter: { near: { latitude: 14.63, longitude: -90.5 }, radiusKm: 20 }, first: 100) { nodes { name } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data).toMatchObject({ byStatus: { totalCount: 0 }, byName: { totalCount: 0 }, services: { totalCount: 0 } });
      const names = JSON.stringify(data);
      expect(names).not.toContain('Hidden');
      expect(names).toContain('Albergue Casa Esperanza (demo)');
    });

    it('answer null by id', async () => {
      const { data } = await subgraph.execute(
        `{ organization(id: "${hidden[status].organization.id}") { name } service(id: "${hidden[status].service.id}") { name } }`,
      );
      expect(data).toEqual({ organization: null, service: null });
    });

    it('are neither in the lists of their country nor resolvable as references', async () => {
      const { data, errors } = await subgraph.execute(
        `query($representations: [_Any!]!) { _entities(representations: $representations) {
           ... on Country { organizations { name } services { name } }
           ... on Organization { name offered: services { name } }
           ... on Service { name } } }`,
        {
          representations: [
            countryRef('GT'),
            { __typename: 'Organization', id: hidden[status].organization.id },
            { __typename: 'Service', id: hidden[status].service.id },
          ],
        },
      );
      expect(errors).toBeUndefined();
      const [country, organization, service] = data!._entities as unknown[];
      expect(JSON.stringify(country)).not.toContain('Hidden');
      expect((country as { services: unknown[] }).services).toHaveLength(3);
      expect(organization).toBeNull();
      expect(service).toBeNull();
    });
  });

  describe('shelters', () => {
    it('measure distances from the coarsened position the public sees', async () => {
      const organization = await insertOrganization(subgraph.db, { name: 'Coarse Test Org', countryCode: 'CR' });
      // 10.04 is seen as 10.0: 4.4 km from its true position.
      await insertService(subgraph.db, organization, { name: 'Coarse Shelter', latitude: 10.04, longitude: -84.0, shelter: {} });
      await insertService(subgraph.db, organization, { name: 'Exact Hotline', latitude: 10.04, longitude: -84.0 });
      const near = async (latitude: number) => {
        const { data } = await subgraph.execute(
          `{ services(filter: { near: { latitude: ${latitude}, longitude: -84.0 }, radiusKm: 1 }) { nodes { name latitude } } }`,
        );
        return (data!.services as { nodes: { name: string; latitude: number }[] }).nodes;
      };
      expect(await near(10.0)).toEqual([{ name: 'Coarse Shelter', latitude: 10 }]);
      expect(await near(10.04)).toEqual([{ name: 'Exact Hotline', latitude: 10.04 }]);
    });

    it('keep the confidential details of every shelter from an anonymous viewer', async () => {
      const { data } = await subgraph.execute(
        '{ services(filter: { type: SHELTER }, first: 100) { nodes { latitude longitude shelter { address availableBeds capacity } } } }',
      );
      const nodes = (data!.services as { nodes: { latitude: number; longitude: number; shelter: Record<string, unknown> }[] }).nodes;
      expect(nodes.length).toBeGreaterThan(5);
      for (const node of nodes) {
        expect(node.shelter).toMatchObject({ address: null, availableBeds: null });
        expect(node.shelter.capacity).toBeGreaterThan(0);
        expect(Math.round(node.latitude * 10) / 10).toBe(node.latitude);
        expect(Math.round(node.longitude * 10) / 10).toBe(node.longitude);
      }
    });
  });
});
