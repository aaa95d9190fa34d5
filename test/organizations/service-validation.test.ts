import type { Organization } from '../../services/organizations/entities/organization.entity';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { viewer } from '../helpers/auth';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';
import { ADD, insertMembership, insertOrganization, serviceInput, shelterInput, tableCounts, UPDATE } from './fixtures';

type Change = (organizationId: string) => Record<string, unknown>;
const plain =
  (fields: Record<string, unknown>): Change =>
  (id) =>
    serviceInput(id, fields);
const shelter =
  (details: Record<string, unknown>): Change =>
  (id) =>
    shelterInput(id, details);

/** Each input is valid but for one field, which the error must name. */
const REFUSED: [string, Change, string][] = [
  ['a 1,000,000-character name', plain({ name: 'x'.repeat(1_000_000) }), 'name'],
  ['a one-character name', plain({ name: 'x' }), 'name'],
  ['a country that is no Member State', plain({ country: 'XX' }), 'country'],
  ['10,000 languages', plain({ languages: Array.from({ length: 10_000 }, () => 'spa') }), 'languages'],
  ['51 languages', plain({ languages: Array.from({ length: 51 }, () => 'spa') }), 'languages'],
  ["the unknown language 'xyz'", plain({ languages: ['spa', 'xyz'] }), 'languages'],
  ['a language in upper case', plain({ languages: ['SPA'] }), 'languages'],
  ['11 populations', plain({ populations: Array.from({ length: 11 }, () => 'WOMEN') }), 'populations'],
  ['a 5,001-character description', plain({ description: 'd'.repeat(5001) }), 'description'],
  ['a 201-character city', plain({ city: 'c'.repeat(201) }), 'city'],
  ['a 101-character phone', plain({ phone: '1'.repeat(101) }), 'phone'],
  ['a phone without its country calling code, 5555-1234', plain({ phone: '5555-1234' }), 'phone'],
  ['a phone no country numbers so, +502 1', plain({ phone: '+502 1' }), 'phone'],
  ['a country the organization does not serve', plain({ country: 'MX' }), 'country'],
  ['101-character hours', plain({ hours: 'h'.repeat(101) }), 'hours'],
  ['a latitude of 200', plain({ latitude: 200, longitude: 0 }), 'latitude'],
  ['a longitude of -181', plain({ latitude: 0, longitude: -181 }), 'longitude'],
  ['a latitude without longitude', plain({ latitude: 10 }), 'longitude'],
  ['a longitude without latitude', plain({ longitude: 10 }), 'latitude'],
  ['shelter details on a HOTLINE', plain({ type: 'HOTLINE', shelter: { kind: 'EMERGENCY', capacity: 3 } }), 'shelter'],
  ['a SHELTER without its details', (id) => serviceInput(id, { type: 'SHELTER' }), 'shelter'],
  ['a negative capacity', shelter({ capacity: -5, availableBeds: null }), 'shelter.capacity'],
  ['a capacity of 0', shelter({ capacity: 0, availableBeds: null }), 'shelter.capacity'],
  ['a capacity over 10,000', shelter({ capacity: 10_001 }), 'shelter.capacity'],
  ['minAge over maxAge', shelter({ minAge: 18, maxAge: 12 }), 'shelter.minAge'],
  ['an age over 120', shelter({ maxAge: 121 }), 'shelter.maxAge'],
  ['a negative age', shelter({ minAge: -1 }), 'shelter.minAge'],
  ['more available beds than capacity', shelter({ capacity: 5, availableBeds: 6 }), 'shelter.availableBeds'],
  ['negative available beds', shelter({ availableBeds: -1 }), 'shelter.availableBeds'],
  ['a 501-character address', shelter({ address: 'a'.repeat(501) }), 'shelter.address'],
];

describe('organizations subgraph: validation of services', () => {
  let subgraph: SubgraphUnderTest;
  let organization: Organization;
  const member = viewer();
  beforeAll(async () => {
    subgraph = await openSubgraph(organizationsSubgraph);
    organization = await insertOrganization(subgraph.db, { name: 'Validating Org', countryCode: 'GT' });
    await insertMembership(subgraph.db, member.id, organization);
  });
  afterAll(() => subgraph.close());

  describe('addService', () => {
    it.each(REFUSED)('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_what, change, field) => {
      const before = await tableCounts(subgraph.db);
      const { errors } = await subgraph.execute(ADD, { i: change(organization.id) }, member);
      expect(errors).toHaveLength(1);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(errors![0].message.length).toBeLessThan(2000);
      expect(await tableCounts(subgraph.db)).toEqual(before);
    });

    it('lists every field at fault, the first one in field', async () => {
      const { errors } = await subgraph.execute(
        ADD,
        { i: serviceInput(organization.id, { name: '', languages: ['xyz'], city: 'c'.repeat(300) }) },
        member,
      );
      const fields = (errors![0].extensions.fields as { field: string }[]).map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'languages', 'city']));
    });

    it('accepts the extremes of every range', async () => {
      const input = shelterInput(
        organization.id,
        { capacity: 10_000, minAge: 0, maxAge: 120, availableBeds: 10_000, address: 'a'.repeat(500) },
        {
          name: 'n'.repeat(200),
          description: 'd'.repeat(5000),
          city: 'c'.repeat(200),
          phone: '  +502 2222 3333 ',
          hours: 'h'.repeat(100),
          latitude: -90,
          longitude: 180,
          languages: Array.from({ length: 50 }, () => 'que'),
          populations: [
            'WOMEN',
            'MEN',
            'CHILDREN',
            'ADOLESCENTS',
            'MIGRANTS',
            'INDIGENOUS',
            'LGBTI',
            'PERSONS_WITH_DISABILITIES',
            'OLDER_PERSONS',
            'FAMILIES',
          ],
        },
      );
      const { data, errors } = await subgraph.execute(ADD, { i: input }, member);
      expect(errors).toBeUndefined();
      expect(data!.addService).toMatchObject({ languages: ['que'], city: 'c'.repeat(200), phone: '+502 2222 3333' });
    });
  });

  describe('updateService', () => {
    let shelterId: string;
    let hotlineId: string;
    beforeAll(async () => {
      const add = async (input: Record<string, unknown>) =>
        ((await subgraph.execute(ADD, { i: input }, member)).data!.addService as { id: string }).id;
      shelterId = await add(shelterInput(organization.id));
      hotlineId = await add(serviceInput(organization.id, { type: 'HOTLINE' }));
    });

    it.each([
      ['a 1,000,000-character name', 'hotline', { name: 'x'.repeat(1_000_000) }, 'name'],
      ['10,000 languages', 'hotline', { languages: Array.from({ length: 10_000 }, () => 'spa') }, 'languages'],
      ["the unknown language 'xyz'", 'hotline', { languages: ['xyz'] }, 'languages'],
      ['shelter details on a HOTLINE', 'hotline', { shelter: { kind: 'EMERGENCY', capacity: 2 } }, 'shelter'],
      ['a negative capacity', 'shelter', { shelter: { kind: 'EMERGENCY', capacity: -1 } }, 'shelter.capacity'],
      ['minAge over maxAge', 'shelter', { shelter: { kind: 'EMERGENCY', capacity: 5, minAge: 30, maxAge: 20 } }, 'shelter.minAge'],
      [
        'more available beds than capacity',
        'shelter',
        { shelter: { kind: 'EMERGENCY', capacity: 5, availableBeds: 9 } },
        'shelter.availableBeds',
      ],
      ['a latitude of 91', 'shelter', { latitude: 91 }, 'latitude'],
    ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_what, which, input, field) => {
      const id = which === 'shelter' ? shelterId : hotlineId;
      const before = await tableCounts(subgraph.db);
      const rows = await subgraph.db.query('SELECT * FROM services WHERE id = ?', [id]);
      const { errors } = await subgraph.execute(UPDATE, { id, i: input }, member);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await tableCounts(subgraph.db)).toEqual(before);
      expect(await subgraph.db.query('SELECT * FROM services WHERE id = ?', [id])).toEqual(rows);
    });
  });
});
