import { randomUUID } from 'node:crypto';
import { User as Account } from '../../services/accounts/entities/user.entity';
import { demoOrganizationId } from '../../services/kit/demo-ids';
import { DEMO_MEMBERS } from '../../services/organizations/demo';
import type { Viewer } from '../../services/platform/auth';
import { asViewer, tokenFor, viewer } from '../helpers/auth';
import { startGraph, type TestGraph } from '../helpers/graph';
import { refusedWithoutWrites, rowCounts } from '../helpers/rows';

const FIELDS = 'id name kind status description website email phone createdAt updatedAt country { code } countriesServed { code }';
const REGISTER = `mutation($i: OrganizationInput!) { registerOrganization(input: $i) { ${FIELDS} } }`;
const VERIFY = 'mutation($id: ID!, $s: VerificationStatus!) { verifyOrganization(id: $id, status: $s) { id status updatedAt } }';
const UPDATE = `mutation($id: ID!, $i: OrganizationUpdateInput!) { updateOrganization(id: $id, input: $i) { ${FIELDS} } }`;
const ADD = 'mutation($o: ID!, $e: String!) { addMember(organizationId: $o, email: $e) { id members { id } } }';
const REMOVE = 'mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) { id members { id } } }';
const READ = `query($id: ID!) { organization(id: $id) { ${FIELDS} members { id } } }`;
const HISTORY = `query($o: ID) { organizationHistory(organizationId: $o, first: 100) {
  nodes { kind organizationId countryCode userId fields { field oldValue newValue } } } }`;

type Organization = {
  id: string;
  name: string;
  kind: string;
  status: string;
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
  country: { code: string };
  countriesServed: { code: string }[];
  members?: { id: string }[] | null;
};
type Change = {
  kind: string;
  organizationId: string;
  countryCode: string;
  userId: string;
  fields: { field: string; oldValue: string | null; newValue: string | null }[];
};

/** Organizations that manage themselves (issue 17), as a client sees them through the gateway. */
describe('organizations managing themselves, through the gateway', () => {
  let graph: TestGraph;
  const secretariat = viewer('SECRETARIAT');
  const gtOfficer = viewer('AUTHORITY', 'GT');

  beforeAll(async () => {
    graph = await startGraph({ MUTATION_RATE_LIMIT: '100000' });
  });
  afterAll(() => graph?.stop());

  /** A signed-up user: an account in accounts, and the viewer its token names. */
  async function signedUp(name: string): Promise<Viewer & { email: string }> {
    const id = randomUUID();
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${id.slice(0, 8)}@example.org`;
    await graph.subgraphs.accounts.db
      .getRepository(Account)
      .insert(Object.assign(new Account(), { id, email, name, passwordHash: null, role: null, countryCode: null, authorityId: null }));
    return { ...viewer(null, null, id), email };
  }
  const call = async (query: string, variables: Record<string, unknown>, who: Viewer | null) =>
    (await graph.query(query, variables, who ? asViewer(who) : {})).body;
  const ok = async (query: string, variables: Record<string, unknown>, who: Viewer | null) => {
    const body = await call(query, variables, who);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const register = async (who: Viewer, input: Record<string, unknown>): Promise<Organization> =>
    (await ok(REGISTER, { i: { kind: 'NGO', country: 'GT', ...input } }, who)).registerOrganization;
  const read = async (id: string, who: Viewer | null): Promise<Organization | null> => (await ok(READ, { id }, who)).organization;
  const history = async (id: string): Promise<Change[]> => (await ok(HISTORY, { o: id }, secretariat)).organizationHistory.nodes;
  /** A mutation refused with `code` (and `field`) that adds or removes no row of any subgraph (helpers/rows.ts). */
  const refused = (query: string, variables: Record<string, unknown>, who: Viewer | null, code: string, field?: string) =>
    refusedWithoutWrites(graph, () => call(query, variables, who), code, field).then((body) => body.errors![0]);

  describe('registering: one name per country', () => {
    it('registers 20 organizations sent at once, each with its countries and its member, none refused', async () => {
      const founders = await Promise.all(Array.from({ length: 20 }, (_, i) => signedUp(`Concurrent ${i}`)));
      const answers = await Promise.all(
        founders.map((founder, i) =>
          call(REGISTER, { i: { name: `Red Simultánea ${i}`, kind: 'NGO', country: 'GT', countriesServed: ['HN'] } }, founder),
        ),
      );
      expect(answers.map((answer) => answer.errors)).toEqual(founders.map(() => undefined));
      for (const [i, answer] of answers.entries()) {
        const mine = await ok(READ, { id: answer.data.registerOrganization.id }, founders[i]);
        expect(mine.organization).toMatchObject({ name: `Red Simultánea ${i}`, members: [{ id: founders[i].id }] });
        expect(mine.organization.countriesServed).toEqual([{ code: 'GT' }, { code: 'HN' }]);
      }
    });

    it('refuses a name its country has already, ignoring case, accents and spacing, naming the existing organization', async () => {
      const founder = await signedUp('Founder');
      const first = await register(founder, { name: 'Asociación  Mujeres de Xela' });
      expect(first.name).toBe('Asociación  Mujeres de Xela'.trim());
      for (const name of ['asociacion mujeres de xela', '  ASOCIACIÓN MUJERES   DE XELA ', 'Asociación Mujeres de Xela']) {
        const error = await refused(
          REGISTER,
          { i: { name, kind: 'NGO', country: 'GT' } },
          await signedUp('Late'),
          'BAD_USER_INPUT',
          'name',
        );
        expect(error.message).toBe(
          `An organization named 'Asociación  Mujeres de Xela' is already registered in GT (id ${first.id}); ask its members to add you.`,
        );
      }
      // Another country may have its own.
      expect((await register(founder, { name: 'Asociacion Mujeres de Xela', country: 'MX' })).country.code).toBe('MX');
    });

    it('stamps createdAt and updatedAt, and records the registration with every field and its first member', async () => {
      const founder = await signedUp('Recorded');
      const organization = await register(founder, { name: 'Red Registrada', countriesServed: ['sv'], phone: '+502 2222 3333' });
      expect(organization.createdAt).toBe(organization.updatedAt);
      expect(Date.now() - Date.parse(organization.createdAt)).toBeLessThan(60_000);
      expect(organization.phone).toBe('+502 2222 3333');
      const [registered] = await history(organization.id);
      expect(registered).toMatchObject({ kind: 'REGISTERED', organizationId: organization.id, countryCode: 'GT', userId: founder.id });
      expect(registered.fields).toEqual(
        expect.arrayContaining([
          { field: 'name', oldValue: null, newValue: 'Red Registrada' },
          { field: 'countriesServed', oldValue: null, newValue: 'GT,SV' },
          { field: 'phone', oldValue: null, newValue: '+50222223333' },
          { field: 'status', oldValue: null, newValue: 'PENDING' },
          { field: 'member', oldValue: null, newValue: founder.id },
        ]),
      );
    });

    it('refuses a phone that is not a valid international number, writing nothing', async () => {
      for (const phone of ['2222 3333', '+502 2222', '+502 CALL NOW']) {
        await refused(
          REGISTER,
          { i: { name: `Teléfono ${phone}`, kind: 'NGO', country: 'GT', phone } },
          await signedUp('P'),
          'BAD_USER_INPUT',
          'phone',
        );
      }
    });
  });

  describe('updateOrganization', () => {
    let member: Viewer & { email: string };
    let organization: Organization;
    beforeAll(async () => {
      member = await signedUp('Editor');
      organization = await register(member, {
        name: 'Casa del Migrante Xela',
        description: 'Acogida.',
        website: 'https://casa.example.org',
        email: 'info@casa.example.org',
        phone: '+502 7761 0000',
        countriesServed: ['MX'],
      });
    });

    it('refuses an anonymous caller, a stranger (NOT_FOUND while PENDING, FORBIDDEN once public) and an AUTHORITY, writing nothing', async () => {
      const change = { id: organization.id, i: { name: 'Secuestrada' } };
      await refused(UPDATE, change, null, 'UNAUTHENTICATED');
      await refused(UPDATE, change, await signedUp('Stranger'), 'NOT_FOUND');
      await refused(UPDATE, change, gtOfficer, 'NOT_FOUND');
      await ok(VERIFY, { id: organization.id, s: 'VERIFIED' }, secretariat);
      await refused(UPDATE, change, await signedUp('Stranger'), 'FORBIDDEN');
      await refused(UPDATE, change, gtOfficer, 'FORBIDDEN');
      await refused(UPDATE, { id: randomUUID(), i: { name: 'Nadie' } }, secretariat, 'NOT_FOUND');
      expect((await read(organization.id, member))!.name).toBe('Casa del Migrante Xela');
    });

    it('keeps a field left out, clears one given null, and keeps a VERIFIED organization VERIFIED through a rename', async () => {
      const before = (await read(organization.id, member))!;
      const { updateOrganization: after } = await ok(
        UPDATE,
        { id: organization.id, i: { name: 'Casa del Migrante de Quetzaltenango', description: null, phone: '+50277610001' } },
        member,
      );
      expect(after).toEqual({
        ...before,
        members: undefined,
        name: 'Casa del Migrante de Quetzaltenango',
        description: null,
        phone: '+502 7761 0001',
        status: 'VERIFIED',
        updatedAt: after.updatedAt,
      });
      expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
      expect(after.createdAt).toBe(before.createdAt);
      const [updated] = await history(organization.id);
      expect(updated).toMatchObject({ kind: 'UPDATED', userId: member.id, countryCode: 'GT' });
      expect(updated.fields).toEqual([
        { field: 'name', oldValue: 'Casa del Migrante Xela', newValue: 'Casa del Migrante de Quetzaltenango' },
        { field: 'description', oldValue: 'Acogida.', newValue: null },
        { field: 'phone', oldValue: '+50277610000', newValue: '+50277610001' },
      ]);
    });

    it("replaces the countries served, always with the organization's own country, each once", async () => {
      const { updateOrganization: after } = await ok(
        UPDATE,
        { id: organization.id, i: { countriesServed: ['hn', 'SV', 'HN', 'GT'] } },
        secretariat,
      );
      expect(after.countriesServed).toEqual([{ code: 'GT' }, { code: 'HN' }, { code: 'SV' }]);
      const { updateOrganization: own } = await ok(UPDATE, { id: organization.id, i: { countriesServed: [] } }, member);
      expect(own.countriesServed).toEqual([{ code: 'GT' }]);
      expect((await history(organization.id))[0]).toMatchObject({
        kind: 'UPDATED',
        userId: member.id,
        fields: [{ field: 'countriesServed', oldValue: 'GT,HN,SV', newValue: 'GT' }],
      });
    });

    it('changes nothing and records nothing for a change to the same values', async () => {
      const before = (await read(organization.id, member))!;
      const entries = (await history(organization.id)).length;
      const { updateOrganization: after } = await ok(UPDATE, { id: organization.id, i: { name: before.name, kind: 'NGO' } }, member);
      expect(after.updatedAt).toBe(before.updatedAt);
      expect(await history(organization.id)).toHaveLength(entries);
    });

    it.each([
      ['a cleared name', { name: null }, 'name'],
      ['a cleared kind', { kind: null }, 'kind'],
      ['cleared countries served', { countriesServed: null }, 'countriesServed'],
      ['a served country that is no Member State', { countriesServed: ['ES'] }, 'countriesServed'],
      ['a name of spaces', { name: '     ' }, 'name'],
      ['a javascript: website', { website: 'javascript:alert(1)' }, 'website'],
      ['an ftp website', { website: 'ftp://casa.example.org' }, 'website'],
      ['an e-mail that is none', { email: 'casa@' }, 'email'],
      ['a phone without its country code', { phone: '7761 0000' }, 'phone'],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_what, input, field) => {
      await refused(UPDATE, { id: organization.id, i: input }, member, 'BAD_USER_INPUT', field);
    });

    it("refuses a rename to another organization's name in the same country, naming it", async () => {
      const other = await register(await signedUp('Other'), { name: 'Pastoral de Movilidad Humana' });
      const error = await refused(
        UPDATE,
        { id: organization.id, i: { name: 'pastoral de movilidad humana' } },
        member,
        'BAD_USER_INPUT',
        'name',
      );
      expect(error.message).toContain(`(id ${other.id})`);
      // Its own name in other letters is no duplicate.
      const { updateOrganization: own } = await ok(
        UPDATE,
        { id: organization.id, i: { name: 'CASA DEL MIGRANTE DE QUETZALTENANGO' } },
        member,
      );
      expect(own.name).toBe('CASA DEL MIGRANTE DE QUETZALTENANGO');
    });
  });

  describe('members', () => {
    let founder: Viewer & { email: string };
    let colleague: Viewer & { email: string };
    let organization: Organization;
    beforeAll(async () => {
      founder = await signedUp('Ana Founder');
      colleague = await signedUp('Beto Colleague');
      organization = await register(founder, { name: 'Colectivo Miembros' });
    });

    it('lets a member add a signed-up colleague by e-mail (any case), who then sees the PENDING organization', async () => {
      expect(await read(organization.id, colleague)).toBeNull();
      const { addMember } = await ok(ADD, { o: organization.id, e: `  ${colleague.email.toUpperCase()} ` }, founder);
      expect(addMember.members).toEqual([{ id: founder.id }, { id: colleague.id }]);
      expect((await read(organization.id, colleague))!.members).toEqual([{ id: founder.id }, { id: colleague.id }]);
      const me = await ok('{ me { id organizations { id } } }', {}, colleague);
      expect(me.me.organizations).toEqual([{ id: organization.id }]);
      expect((await history(organization.id))[0]).toMatchObject({
        kind: 'MEMBER_ADDED',
        userId: founder.id,
        fields: [{ field: 'member', oldValue: null, newValue: colleague.id }],
      });
    });

    it('changes nothing and records nothing when the user is a member already', async () => {
      const entries = (await history(organization.id)).length;
      const before = await rowCounts(graph);
      const { addMember } = await ok(ADD, { o: organization.id, e: colleague.email }, colleague);
      expect(addMember.members).toHaveLength(2);
      expect(await history(organization.id)).toHaveLength(entries);
      const after = await rowCounts(graph);
      delete after['accounts.throttles'];
      delete before['accounts.throttles'];
      expect(after).toEqual(before);
    });

    it('answers NOT_FOUND for an e-mail without an account, adding no member', async () => {
      const before = await rowCounts(graph);
      const body = await call(ADD, { o: organization.id, e: 'nobody.here@example.org' }, founder);
      expect(body.errors?.[0]).toMatchObject({
        message: 'No account has this e-mail; ask them to sign up first.',
        extensions: { code: 'NOT_FOUND' },
      });
      const after = await rowCounts(graph);
      // The lookup itself is counted by accounts' throttle: that is the point of it.
      expect({ ...after, 'accounts.throttles': 0 }).toEqual({ ...before, 'accounts.throttles': 0 });
    });

    it('refuses a stranger, an AUTHORITY and an anonymous caller before any lookup, and an address that is none', async () => {
      const stranger = await signedUp('Stranger');
      await refused(ADD, { o: organization.id, e: stranger.email }, stranger, 'NOT_FOUND');
      await refused(ADD, { o: organization.id, e: stranger.email }, gtOfficer, 'NOT_FOUND');
      await refused(ADD, { o: organization.id, e: stranger.email }, null, 'UNAUTHENTICATED');
      await refused(ADD, { o: organization.id, e: 'not an address' }, founder, 'BAD_USER_INPUT', 'email');
      await refused(ADD, { o: randomUUID(), e: stranger.email }, secretariat, 'NOT_FOUND');
    });

    it('shows the members to its members and the Secretariat only', async () => {
      const source = `query($id: ID!) { organization(id: $id) { members { id } } }`;
      for (const who of [founder, colleague, secretariat]) {
        expect((await ok(source, { id: organization.id }, who)).organization.members).toHaveLength(2);
      }
      await ok(VERIFY, { id: organization.id, s: 'VERIFIED' }, secretariat);
      for (const who of [null, gtOfficer, await signedUp('Public')]) {
        expect((await ok(source, { id: organization.id }, who)).organization).toEqual({ members: null });
      }
    });

    it("gives its members and the Secretariat the members' names and e-mails; nobody else reads those accounts", async () => {
      const named = `query($id: ID!) { organization(id: $id) { members { id name email } } }`;
      const members = [
        { id: founder.id, name: 'Ana Founder', email: founder.email },
        { id: colleague.id, name: 'Beto Colleague', email: colleague.email },
      ];
      for (const who of [secretariat, founder, colleague]) {
        expect((await ok(named, { id: organization.id }, who)).organization.members).toEqual(members);
      }
      // Straight to accounts, a user of another organization gets nothing for the same ids.
      const outsider = await signedUp('Outsider');
      await register(outsider, { name: 'Otra Organización del Altiplano' });
      const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name } } }';
      const representations = members.map(({ id }) => ({ __typename: 'User', id }));
      const straight = await fetch(graph.subgraphs.accounts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(outsider)}` },
        body: JSON.stringify({ query: entities, variables: { r: representations } }),
      });
      expect(((await straight.json()) as { data: unknown }).data).toEqual({ _entities: [null, null] });
    });

    it('refuses to remove a user who is no member (NOT_FOUND) and the last member (BAD_USER_INPUT), writing nothing', async () => {
      await refused(REMOVE, { o: organization.id, u: randomUUID() }, founder, 'NOT_FOUND');
      await refused(REMOVE, { o: organization.id, u: colleague.id }, await signedUp('Stranger'), 'FORBIDDEN');
      const solo = await signedUp('Solo');
      const alone = await register(solo, { name: 'Organización Unipersonal' });
      await refused(REMOVE, { o: alone.id, u: solo.id }, solo, 'BAD_USER_INPUT', 'userId');
      await refused(REMOVE, { o: alone.id, u: solo.id }, secretariat, 'BAD_USER_INPUT', 'userId');
    });

    it('lets a member leave, who then no longer sees the members, and records it', async () => {
      const { removeMember } = await ok(REMOVE, { o: organization.id, u: colleague.id }, colleague);
      expect(removeMember.members).toBeNull();
      expect((await read(organization.id, founder))!.members).toEqual([{ id: founder.id }]);
      expect((await history(organization.id))[0]).toMatchObject({
        kind: 'MEMBER_REMOVED',
        userId: colleague.id,
        fields: [{ field: 'member', oldValue: colleague.id, newValue: null }],
      });
      const me = await ok('{ me { organizations { id } } }', {}, colleague);
      expect(me.me.organizations).toEqual([]);
    });

    it('lets the Secretariat add and remove members of any organization', async () => {
      await ok(ADD, { o: organization.id, e: colleague.email }, secretariat);
      const { removeMember } = await ok(REMOVE, { o: organization.id, u: founder.id }, secretariat);
      expect(removeMember.members).toEqual([{ id: colleague.id }]);
      const kinds = (await history(organization.id)).slice(0, 2).map((c) => [c.kind, c.userId]);
      expect(kinds).toEqual([
        ['MEMBER_REMOVED', secretariat.id],
        ['MEMBER_ADDED', secretariat.id],
      ]);
    });
  });

  describe('the account lookup behind addMember', () => {
    it('is not part of the public API', async () => {
      const body = await call('query($e: String!) { accountIdByEmail(email: $e) }', { e: 'a@example.org' }, secretariat);
      expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('allows a caller 20 lookups an hour, then TOO_MANY_ATTEMPTS, whatever the organization', async () => {
      const busy = await signedUp('Busy');
      const organization = await register(busy, { name: 'Organización Ocupada' });
      for (let i = 0; i < 20; i++) {
        const body = await call(ADD, { o: organization.id, e: `probe${i}@example.org` }, busy);
        expect(body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
      const colleague = await signedUp('Too Late');
      const error = await refused(ADD, { o: organization.id, e: colleague.email }, busy, 'TOO_MANY_ATTEMPTS');
      expect(error.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      // Another caller has lookups of its own.
      const { addMember } = await ok(ADD, { o: organization.id, e: colleague.email }, secretariat);
      expect(addMember.members).toHaveLength(2);
    });
  });

  describe('the demo', () => {
    it('shows an organization run by two members, to the Secretariat', async () => {
      const id = demoOrganizationId('casa-esperanza-gt');
      const members = (await read(id, secretariat))!.members;
      expect(members).toEqual(DEMO_MEMBERS.map(({ userId }) => ({ id: userId })));
      expect((await read(id, null))!.members).toBeNull();
    });
  });

  describe('verifyOrganization', () => {
    it('records a change of status, and nothing for the status it has', async () => {
      const organization = await register(await signedUp('Verified'), { name: 'Por Verificar' });
      const { verifyOrganization } = await ok(VERIFY, { id: organization.id, s: 'VERIFIED' }, secretariat);
      expect(Date.parse(verifyOrganization.updatedAt)).toBeGreaterThanOrEqual(Date.parse(organization.updatedAt));
      await ok(VERIFY, { id: organization.id, s: 'VERIFIED' }, secretariat);
      const changes = await history(organization.id);
      expect(changes.map((c) => c.kind)).toEqual(['VERIFICATION_CHANGED', 'REGISTERED']);
      expect(changes[0]).toMatchObject({
        userId: secretariat.id,
        fields: [{ field: 'status', oldValue: 'PENDING', newValue: 'VERIFIED' }],
      });
    });
  });
});
