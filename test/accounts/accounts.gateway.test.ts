import jwt from 'jsonwebtoken';
import { User } from '../../services/accounts/entities/user.entity';
import { asViewer, tokenFor, viewer } from '../helpers/auth';
import { hashPassword } from '../../services/accounts/passwords';
import { newId } from '../../services/kit/ids';
import { startGraph, TestGraph } from '../helpers/graph';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id email name } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }`;
const GRANT = `mutation($userId: ID!, $role: Role!, $country: ID, $authorityId: ID) {
  grantRole(userId: $userId, role: $role, country: $country, authorityId: $authorityId) { id role country { code } authority { id name } } }`;
const PASSWORD = 'correct horse battery';

/** Accounts through the gateway (issue 16): throttles by e-mail and address, sign-up, weak accounts, stale tokens, roles. */
describe('accounts, through the gateway', () => {
  let graph: TestGraph;
  const secretariat = asViewer(viewer('SECRETARIAT'));
  beforeAll(async () => {
    graph = await startGraph({ SIGNUP_RATE_LIMIT: '4', MUTATION_RATE_LIMIT: '0' });
  });
  afterAll(() => graph.stop());

  const users = () => graph.subgraphs.accounts.db.getRepository(User).count();
  const code = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.[0]?.extensions?.code;
  const signUp = async (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
    (await graph.query(SIGN_UP, { input }, headers)).body;
  const login = async (email: string, password: string, headers: Record<string, string> = {}) =>
    (await graph.query(LOGIN, { email, password }, headers)).body;
  /** Straight to the accounts subgraph, past the gateway. */
  const straight = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(graph.subgraphs.accounts.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  /** As the gateway would ask for a client at `address` (the accounts subgraph believes a gateway's peer address). */
  const loginFrom = async (address: string, email: string, password: string) => {
    const response = await fetch(graph.subgraphs.accounts.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-client-address': address },
      body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
    });
    return (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
  };

  /** An account made without signUp (sign-ups from this address are limited), to sign in to. */
  const addUser = async (email: string): Promise<string> => {
    const id = newId();
    await graph.subgraphs.accounts.db.getRepository(User).insert(
      Object.assign(new User(), {
        id,
        email,
        name: email,
        passwordHash: await hashPassword(PASSWORD),
        role: null,
        countryCode: null,
        authorityId: null,
      }),
    );
    return id;
  };

  let ownerId: string;
  describe('sign-in throttle', () => {
    beforeAll(async () => {
      ownerId = (await signUp({ email: 'owner@example.org', password: PASSWORD, name: 'Owner' })).data.signUp.user.id;
    });

    it('refuses the address that made 5 failures, the right password included, even when the client names another address', async () => {
      for (let i = 0; i < 5; i += 1) expect(code(await login('owner@example.org', `wrong guess ${i}!`))).toBe('UNAUTHENTICATED');
      const locked = await login('owner@example.org', PASSWORD);
      expect(code(locked)).toBe('TOO_MANY_ATTEMPTS');
      expect(locked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(800);
      expect(code(await login('owner@example.org', PASSWORD, { 'x-client-address': '203.0.113.9' }))).toBe('TOO_MANY_ATTEMPTS');
    });

    it("does not lock the owner out: the owner's own sign-in from another address works", async () => {
      const elsewhere = await loginFrom('198.51.100.20', 'owner@example.org', PASSWORD);
      expect(elsewhere.errors).toBeUndefined();
      expect(code(await loginFrom('203.0.113.50', 'owner@example.org', 'wrong guess 6!'))).toBe('UNAUTHENTICATED');
    });
  });

  describe('signUp', () => {
    it('answers a taken e-mail exactly as login answers a wrong password, and creates nothing', async () => {
      await addUser('taken@example.org');
      const before = await users();
      const taken = await signUp({ email: 'Taken@Example.org', password: 'another password 1', name: 'Impostor' });
      const wrong = await login('taken@example.org', 'another password 1');
      expect({ ...taken.errors![0], path: null }).toEqual({ ...wrong.errors![0], path: null });
      expect(taken.errors![0]).toMatchObject({
        message: 'The e-mail or the password is not right.',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect(taken.data).toBeNull();
      expect(await users()).toBe(before);
    });

    it.each([
      ['a password of one repeated letter', { email: 'weak1@example.org', password: 'aaaaaaaaaaaa', name: 'Weak' }, 'password'],
      ['a password of twelve spaces', { email: 'weak2@example.org', password: '            ', name: 'Weak' }, 'password'],
      ['a name of spaces', { email: 'weak3@example.org', password: PASSWORD, name: '    ' }, 'name'],
      ['a look-alike e-mail (a Cyrillic "а")', { email: 'p\u0430blo@example.org', password: PASSWORD, name: 'Pablo' }, 'email'],
      ['a domain of two scripts', { email: 'pablo@ex\u0430mple.org', password: PASSWORD, name: 'Pablo' }, 'email'],
    ])('refuses %s with BAD_USER_INPUT on the field, and creates nothing', async (_case, input, field) => {
      const before = await users();
      const body = await signUp(input);
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await users()).toBe(before);
    });

    it('refuses sign-ups from one address past SIGNUP_RATE_LIMIT an hour with TOO_MANY_ATTEMPTS, and creates nothing', async () => {
      // Two counted so far from this address (the owner's and the taken e-mail's); refusals of bad input do not count.
      expect((await signUp({ email: 'third@example.org', password: PASSWORD, name: 'Third' })).errors).toBeUndefined();
      expect((await signUp({ email: 'fourth@example.org', password: PASSWORD, name: 'Fourth' })).errors).toBeUndefined();
      const before = await users();
      const refused = await signUp({ email: 'fifth@example.org', password: PASSWORD, name: 'Fifth' });
      expect(code(refused)).toBe('TOO_MANY_ATTEMPTS');
      expect(await users()).toBe(before);
    });
  });

  describe('a stale or invalid token', () => {
    const expired = () => `Bearer ${tokenFor({ id: ownerId, role: null, country: null, authorityId: null }, -60)}`;
    const forged = () => `Bearer ${jwt.sign({ sub: ownerId, role: 'SECRETARIAT' }, 'not-the-key-not-the-key-not-the-key-not-the-key')}`;

    it('does not stop its user signing in again', async () => {
      await addUser('stale@example.org');
      for (const authorization of [expired(), forged(), 'Bearer garbage', 'Basic b3duZXI6cHc=']) {
        const { status, body } = await graph.query(LOGIN, { email: 'stale@example.org', password: PASSWORD }, { authorization });
        expect([status, body.errors]).toEqual([200, undefined]);
        expect(typeof body.data.login.token).toBe('string');
      }
    });

    it('does not stop signing in straight at the accounts subgraph either', async () => {
      const { status, body } = await straight(LOGIN, { email: 'stale@example.org', password: PASSWORD }, { authorization: expired() });
      expect([status, body.errors]).toEqual([200, undefined]);
    });

    it('does not stop signing up', async () => {
      const { status, body } = await graph.query(
        SIGN_UP,
        { input: { email: 'late@example.org', password: PASSWORD, name: 'Late' } },
        { authorization: expired() },
      );
      expect(status).toBe(200);
      expect(code(body)).toBe('TOO_MANY_ATTEMPTS'); // the address's sign-ups are used up: answered as for anyone, not 401
    });

    it('is answered as anonymous on public fields, and UNAUTHENTICATED saying why on a field that needs a viewer', async () => {
      const query = '{ me { id } countries { code } }';
      const anonymous = await graph.query(query);
      const stale = await graph.query(query, {}, { authorization: expired() });
      expect(stale.status).toBe(200);
      expect(stale.body).toEqual(anonymous.body);
      const users = await graph.query('{ users { totalCount } }', {}, { authorization: expired() });
      expect(users.body.errors![0]).toMatchObject({ message: 'The token is not valid (expired); sign in again.' });
      expect(code(users.body)).toBe('UNAUTHENTICATED');
    });

    it('still lets a valid token through', async () => {
      const me = await graph.query(
        '{ me { id } }',
        {},
        { authorization: `Bearer ${tokenFor({ id: ownerId, role: null, country: null, authorityId: null })}` },
      );
      expect(me.body.data.me).toEqual({ id: ownerId });
    });
  });

  describe('grantRole', () => {
    let officerId: string;
    let gt: string[];
    let mx: string;
    beforeAll(async () => {
      officerId = await addUser('officer@example.org');
      const list = async (country: string) =>
        (
          await graph.query(`{ authorities(first: 10, filter: { country: "${country}" }) { nodes { id } } }`)
        ).body.data.authorities.nodes.map((node: { id: string }) => node.id);
      gt = await list('GT');
      mx = (await list('MX'))[0];
      expect(gt.length).toBeGreaterThanOrEqual(2);
      expect(mx).toBeDefined();
    });
    const stored = async () => {
      const user = await graph.subgraphs.accounts.db.getRepository(User).findOneByOrFail({ id: officerId });
      return { role: user.role, country: user.countryCode, authorityId: user.authorityId };
    };
    const untouched = { role: null, country: null, authorityId: null };

    it.each([
      ['AUTHORITY without a country', () => ({ role: 'AUTHORITY' }), 'country'],
      ['a country that is not a Member State', () => ({ role: 'AUTHORITY', country: 'FR' }), 'country'],
      [
        'an authority of another country (Mexico for Guatemala)',
        () => ({ role: 'AUTHORITY', country: 'GT', authorityId: mx }),
        'authorityId',
      ],
      [
        'an authority the directory does not hold',
        () => ({ role: 'AUTHORITY', country: 'GT', authorityId: '00000000-0000-4000-8000-000000000099' }),
        'authorityId',
      ],
    ])('refuses %s with BAD_USER_INPUT, and writes nothing', async (_case, args, field) => {
      const { body } = await graph.query(GRANT, { userId: officerId, ...args() }, secretariat);
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await stored()).toEqual(untouched);
    });

    it('refuses an authority of another country straight at the accounts subgraph too, and writes nothing', async () => {
      const grant = GRANT.replace('authority { id name }', 'authority { id }'); // `name` is the authorities subgraph's
      const { body } = await straight(grant, { userId: officerId, role: 'AUTHORITY', country: 'GT', authorityId: mx }, secretariat);
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'authorityId' });
      expect(await stored()).toEqual(untouched);
    });

    it('refuses an archived authority of the right country, and writes nothing', async () => {
      const archived = await graph.query(`mutation { archiveAuthority(id: "${gt[1]}") { id archived } }`, {}, secretariat);
      expect(archived.body.data.archiveAuthority.archived).toBe(true);
      const { body } = await graph.query(GRANT, { userId: officerId, role: 'AUTHORITY', country: 'GT', authorityId: gt[1] }, secretariat);
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'authorityId' });
      expect(await stored()).toEqual(untouched);
    });

    it('attaches an active authority of that country, stored and resolved as User.authority', async () => {
      const { body } = await graph.query(GRANT, { userId: officerId, role: 'AUTHORITY', country: 'gt', authorityId: gt[0] }, secretariat);
      expect(body.errors).toBeUndefined();
      expect(body.data.grantRole).toMatchObject({ id: officerId, role: 'AUTHORITY', country: { code: 'GT' }, authority: { id: gt[0] } });
      expect(typeof body.data.grantRole.authority.name).toBe('string');
      expect(await stored()).toEqual({ role: 'AUTHORITY', country: 'GT', authorityId: gt[0] });
      const me = await graph.query(
        '{ me { authority { id } } }',
        {},
        asViewer({ id: officerId, role: 'AUTHORITY', country: 'GT', authorityId: gt[0] }),
      );
      expect(me.body.data.me.authority).toEqual({ id: gt[0] });
    });
  });
});
