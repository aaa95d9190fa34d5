import { newId } from '../../services/kit/ids';
import { Membership } from '../../services/organizations/entities/membership.entity';
import { Organization, VerificationStatus } from '../../services/organizations/entities/organization.entity';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { viewer } from '../helpers/auth';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';
import { insertOrganization, REGISTER, tableCounts, VERIFY } from './fixtures';

describe('organizations subgraph: registering and verifying organizations', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(organizationsSubgraph);
  });
  afterAll(() => subgraph.close());

  const secretariat = viewer('SECRETARIAT');
  // One name per country: each registration gets its own unless the test names it.
  const register = (input: Record<string, unknown>, who = viewer()) =>
    subgraph.execute(REGISTER, { i: { name: `Red de Apoyo ${newId()}`, kind: 'NGO', country: 'GT', ...input } }, who);

  describe('registerOrganization', () => {
    it('refuses an anonymous caller with UNAUTHENTICATED and writes nothing', async () => {
      const before = await tableCounts(subgraph.db);
      const { errors } = await register({}, null as never);
      expect(errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(await tableCounts(subgraph.db)).toEqual(before);
    });

    it('registers a PENDING organization whose only member is the caller, its country upper-cased and served', async () => {
      const member = viewer();
      const { data, errors } = await register({ country: 'gt', countriesServed: ['sv', 'MX', 'SV', 'gt'] }, member);
      expect(errors).toBeUndefined();
      const organization = data!.registerOrganization as Record<string, unknown>;
      expect(organization).toMatchObject({ status: 'PENDING', country: { code: 'GT' } });
      expect(organization.name).toMatch(/^Red de Apoyo /);
      expect(organization.countriesServed).toEqual([{ code: 'GT' }, { code: 'MX' }, { code: 'SV' }]);
      const memberships = await subgraph.db.getRepository(Membership).findBy({ organizationId: organization.id as string });
      expect(memberships.map((m) => m.userId)).toEqual([member.id]);
    });

    it('shows the new organization to its member and the Secretariat, not to anyone else', async () => {
      const member = viewer();
      const { data } = await register({ name: 'Only Mine' }, member);
      const id = (data!.registerOrganization as { id: string }).id;
      const source = `{ organization(id: "${id}") { name } organizations(filter: { search: "Only Mine" }) { totalCount } }`;
      for (const who of [member, secretariat]) {
        expect((await subgraph.execute(source, {}, who)).data).toEqual({
          organization: { name: 'Only Mine' },
          organizations: { totalCount: 1 },
        });
      }
      for (const who of [null, viewer(), viewer('AUTHORITY', 'GT')]) {
        expect((await subgraph.execute(source, {}, who)).data).toEqual({ organization: null, organizations: { totalCount: 0 } });
      }
    });

    it('stores SQL and script strings verbatim', async () => {
      for (const name of ["'; DROP TABLE services; --", '<script>alert(1)</script>']) {
        const { data, errors } = await register({ name, description: name });
        expect(errors).toBeUndefined();
        expect(data!.registerOrganization).toMatchObject({ name });
        const row = await subgraph.db
          .getRepository(Organization)
          .findOneByOrFail({ id: (data!.registerOrganization as { id: string }).id });
        expect([row.name, row.description]).toEqual([name, name]);
      }
      expect(Number((await subgraph.db.query('SELECT COUNT(*) AS n FROM services'))[0].n)).toBeGreaterThan(0);
    });

    it.each([
      ['a 1,000,000-character name', { name: 'x'.repeat(1_000_000) }, 'name'],
      ['a one-character name', { name: 'x' }, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a country that is no Member State', { country: 'ES' }, 'country'],
      ['a served country that is no Member State', { countriesServed: ['GT', 'XX'] }, 'countriesServed'],
      ['36 served countries', { countriesServed: Array.from({ length: 36 }, () => 'GT') }, 'countriesServed'],
      ['a javascript: website', { website: 'javascript:alert(1)' }, 'website'],
      ['an ftp website', { website: 'ftp://example.org' }, 'website'],
      ['a website without protocol', { website: 'example.org' }, 'website'],
      ['an e-mail that is none', { email: 'not an e-mail' }, 'email'],
      ['a 5,001-character description', { description: 'd'.repeat(5001) }, 'description'],
      ['a 101-character phone', { phone: '1'.repeat(101) }, 'phone'],
    ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_what, input, field) => {
      const before = await tableCounts(subgraph.db);
      const { errors } = await register(input);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await tableCounts(subgraph.db)).toEqual(before);
    });

    it('accepts the longest values allowed', async () => {
      const { errors } = await register({
        name: 'n'.repeat(200),
        description: 'd'.repeat(5000),
        phone: `+502 2222 3333${' '.repeat(86)}`,
        website: 'http://example.org/path?q=1',
        email: 'contacto@example.org',
        countriesServed: [
          'AG',
          'AR',
          'BS',
          'BB',
          'BZ',
          'BO',
          'BR',
          'CA',
          'CL',
          'CO',
          'CR',
          'CU',
          'DM',
          'DO',
          'EC',
          'SV',
          'GD',
          'GT',
          'GY',
          'HT',
          'HN',
          'JM',
          'MX',
          'NI',
          'PA',
          'PY',
          'PE',
          'KN',
          'LC',
          'VC',
          'SR',
          'TT',
          'US',
          'UY',
          'VE',
        ],
      });
      expect(errors).toBeUndefined();
    });
  });

  describe('verifyOrganization', () => {
    const pending = () => insertOrganization(subgraph.db, { name: `Pending ${newId()}`, status: VerificationStatus.PENDING });
    const statusOf = async (id: string) => (await subgraph.db.getRepository(Organization).findOneByOrFail({ id })).status;

    it.each([
      ['an anonymous caller', null, 'UNAUTHENTICATED'],
      ['a user without a role', viewer(), 'FORBIDDEN'],
      ['an AUTHORITY', viewer('AUTHORITY', 'GT'), 'FORBIDDEN'],
    ])('refuses %s and changes nothing', async (_who, who, code) => {
      const organization = await pending();
      const { errors } = await subgraph.execute(VERIFY, { id: organization.id, s: 'VERIFIED' }, who);
      expect(errors![0].extensions.code).toBe(code);
      expect(await statusOf(organization.id)).toBe('PENDING');
    });

    it('refuses the member of the organization itself', async () => {
      const member = viewer();
      const { data } = await register({}, member);
      const id = (data!.registerOrganization as { id: string }).id;
      const { errors } = await subgraph.execute(VERIFY, { id, s: 'VERIFIED' }, member);
      expect(errors![0].extensions.code).toBe('FORBIDDEN');
      expect(await statusOf(id)).toBe('PENDING');
    });

    it('refuses PENDING as a decision, naming status', async () => {
      const organization = await pending();
      const { errors } = await subgraph.execute(VERIFY, { id: organization.id, s: 'PENDING' }, secretariat);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    });

    it('answers NOT_FOUND for an unknown or malformed id', async () => {
      for (const id of [newId(), 'not-an-id']) {
        const { errors } = await subgraph.execute(VERIFY, { id, s: 'VERIFIED' }, secretariat);
        expect(errors![0].extensions.code).toBe('NOT_FOUND');
      }
    });

    it('lets the Secretariat verify an organization, which the public then sees, and suspend it again', async () => {
      const organization = await pending();
      const lookup = `{ organization(id: "${organization.id}") { status } }`;
      expect((await subgraph.execute(lookup)).data).toEqual({ organization: null });
      const verified = await subgraph.execute(VERIFY, { id: organization.id.toUpperCase(), s: 'VERIFIED' }, secretariat);
      expect(verified.data).toEqual({ verifyOrganization: { id: organization.id, status: 'VERIFIED' } });
      expect((await subgraph.execute(lookup)).data).toEqual({ organization: { status: 'VERIFIED' } });
      await subgraph.execute(VERIFY, { id: organization.id, s: 'SUSPENDED' }, secretariat);
      expect((await subgraph.execute(lookup)).data).toEqual({ organization: null });
      expect((await subgraph.execute(lookup, {}, secretariat)).data).toEqual({ organization: { status: 'SUSPENDED' } });
    });
  });
});
