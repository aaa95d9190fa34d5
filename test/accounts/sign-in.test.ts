import { verifyAuthorization } from '../../services/platform/auth';
import { accountsSubgraph } from '../../services/accounts/subgraph';
import { Throttle } from '../../services/accounts/entities/throttle.entity';
import { User } from '../../services/accounts/entities/user.entity';
import { testVerifyingKey } from '../helpers/auth';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';
import { viewer } from '../helpers/auth';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id email name role } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id email } } }`;
const PASSWORD = 'correct horse battery';

describe('accounts: sign-up and sign-in', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(accountsSubgraph, {
      ENLACE_ADMIN_EMAIL: 'Secretariat@Enlace.example',
      ENLACE_ADMIN_PASSWORD: 'admin password 123',
    });
  });
  afterAll(() => subgraph.close());

  const signUp = (input: Record<string, unknown>) => subgraph.execute(SIGN_UP, { input });
  const login = (email: string, password: string) => subgraph.execute(LOGIN, { email, password });
  const users = () => subgraph.db.getRepository(User).count();

  describe('signUp', () => {
    it('normalises the e-mail, returns a token naming the user, and stores only a scrypt hash', async () => {
      const { data, errors } = await signUp({ email: '  Ana.Perez@Example.ORG ', password: PASSWORD, name: 'Ana Pérez' });
      expect(errors).toBeUndefined();
      const payload = data!.signUp as { token: string; user: { id: string; email: string; role: null } };
      expect(payload.user.email).toBe('ana.perez@example.org');
      expect(verifyAuthorization(`Bearer ${payload.token}`, testVerifyingKey)).toEqual({
        id: payload.user.id,
        role: null,
        country: null,
        authorityId: null,
      });
      const stored = await subgraph.db.getRepository(User).findOneByOrFail({ id: payload.user.id });
      expect(stored.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(stored.passwordHash).not.toContain(PASSWORD);
    });

    it('folds the e-mail to NFKC and trims the name', async () => {
      const { data, errors } = await signUp({ email: '\uff4c\uff55\uff49\uff53@Example.org', password: PASSWORD, name: '  Luis  ' });
      expect(errors).toBeUndefined();
      expect(data!.signUp).toMatchObject({ user: { email: 'luis@example.org', name: 'Luis' } });
    });

    it('answers a sign-up for a taken e-mail as login would, creating nothing: a token with its password, UNAUTHENTICATED without', async () => {
      const before = await users();
      const other = await signUp({ email: 'ANA.PEREZ@example.org', password: 'another password 1', name: 'Other' });
      const wrongLogin = await login('ana.perez@example.org', 'another password 1');
      expect(other.errors![0]).toEqual(wrongLogin.errors![0]);
      expect(other.errors![0].message).not.toMatch(/exist/i);
      const same = await signUp({ email: 'ANA.PEREZ@example.org', password: PASSWORD, name: 'Other' });
      expect(same.errors).toBeUndefined();
      expect((same.data!.signUp as { user: { name: string } }).user.name).toBe('Ana Pérez');
      expect(await users()).toBe(before);
    });

    it.each([
      ['a password under 12 characters', { email: 'short@example.org', password: 'short', name: 'A' }, 'password'],
      ['a malformed e-mail', { email: 'not-an-email', password: PASSWORD, name: 'A' }, 'email'],
      ['an empty name', { email: 'noname@example.org', password: PASSWORD, name: '' }, 'name'],
      ['a 1,000,000-character name', { email: 'big@example.org', password: PASSWORD, name: 'x'.repeat(1_000_000) }, 'name'],
      ['an e-mail that NFKC makes too long', { email: `${'\ufdfa'.repeat(200)}@example.org`, password: PASSWORD, name: 'A' }, 'email'],
      ['a name of spaces', { email: 'spaces@example.org', password: PASSWORD, name: '     ' }, 'name'],
      ['a password of one repeated letter', { email: 'weak@example.org', password: 'aaaaaaaaaaaa', name: 'A' }, 'password'],
      ['a password of twelve spaces', { email: 'weak@example.org', password: ' '.repeat(12), name: 'A' }, 'password'],
      ['a password of five characters repeated', { email: 'weak@example.org', password: 'abcdeabcdeab', name: 'A' }, 'password'],
      ['a common password', { email: 'weak@example.org', password: 'password1234', name: 'A' }, 'password'],
      ['a keyboard walk', { email: 'weak@example.org', password: 'qwertyuiop12', name: 'A' }, 'password'],
      ['a common phrase and a year', { email: 'weak@example.org', password: 'iloveyou2026', name: 'A' }, 'password'],
      ['a Cyrillic "а" among Latin letters in the local part', { email: 'm\u0430ria@example.org', password: PASSWORD, name: 'A' }, 'email'],
      ['a Cyrillic "а" among Latin letters in the domain', { email: 'maria@ex\u0430mple.org', password: PASSWORD, name: 'A' }, 'email'],
    ])('refuses %s, naming the field, and creates nothing', async (_case, input, field) => {
      const before = await users();
      const { errors } = await signUp(input);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await users()).toBe(before);
    });
  });

  describe('login', () => {
    it('signs in with the e-mail in any case', async () => {
      const { data, errors } = await login('ana.PEREZ@example.org', PASSWORD);
      expect(errors).toBeUndefined();
      expect((data!.login as { user: { email: string } }).user.email).toBe('ana.perez@example.org');
    });

    it('answers the same UNAUTHENTICATED error for an unknown e-mail and a wrong password', async () => {
      const unknown = await login('nobody@example.org', PASSWORD);
      const wrong = await login('ana.perez@example.org', 'wrong password!!');
      expect(unknown.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(wrong.errors![0]).toEqual(unknown.errors![0]);
    });

    it('refuses every try after 5 failures within 15 minutes, even the right password, with TOO_MANY_ATTEMPTS', async () => {
      await signUp({ email: 'target@example.org', password: PASSWORD, name: 'Target' });
      for (let i = 0; i < 5; i += 1) {
        expect((await login('target@example.org', `guess number ${i}!`)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
      }
      const locked = await login('target@example.org', PASSWORD);
      expect(locked.errors![0].extensions.code).toBe('TOO_MANY_ATTEMPTS');
      expect(locked.errors![0].message).toMatch(/try again in \d+ minute/);
    });

    it('lets the user in again once the failures are older than 15 minutes', async () => {
      const old = new Date(Date.now() - 16 * 60 * 1000);
      await subgraph.db.getRepository(Throttle).update({ scope: 'sign-in' }, { windowStart: old });
      expect((await login('target@example.org', PASSWORD)).errors).toBeUndefined();
    });
  });

  describe('the first Secretariat account', () => {
    it('is created at start from ENLACE_ADMIN_EMAIL and ENLACE_ADMIN_PASSWORD and can sign in', async () => {
      const { data, errors } = await login('secretariat@enlace.example', 'admin password 123');
      expect(errors).toBeUndefined();
      const { token } = data!.login as { token: string };
      expect(verifyAuthorization(`Bearer ${token}`, testVerifyingKey)!.role).toBe('SECRETARIAT');
    });

    it('is refused at start when ENLACE_ADMIN_PASSWORD is a common one', async () => {
      const config = { ...subgraph.config, adminEmail: 'guessable-admin@enlace.example', adminPassword: 'Password1234!' };
      await expect(accountsSubgraph.seed!(subgraph.db, config, { info() {} } as never)).rejects.toThrow(/too easy to guess/);
      expect(await subgraph.db.getRepository(User).countBy({ email: 'guessable-admin@enlace.example' })).toBe(0);
    });

    it('is refused at start when ENLACE_ADMIN_PASSWORD has too few different characters', async () => {
      const config = { ...subgraph.config, adminEmail: 'weak-admin@enlace.example', adminPassword: 'aaaaaaaaaaaaaaaa' };
      await expect(accountsSubgraph.seed!(subgraph.db, config, { info() {} } as never)).rejects.toThrow(/6 different characters/);
      expect(await subgraph.db.getRepository(User).countBy({ email: 'weak-admin@enlace.example' })).toBe(0);
    });

    it('is not created twice when the service starts again', async () => {
      await accountsSubgraph.seed!(subgraph.db, subgraph.config, { info() {} } as never);
      expect(await subgraph.db.getRepository(User).countBy({ email: 'secretariat@enlace.example' })).toBe(1);
    });
  });

  describe('grantRole', () => {
    const GRANT = `mutation($userId: ID!, $role: Role!, $country: ID) {
      grantRole(userId: $userId, role: $role, country: $country) { id role country { code } } }`;
    const secretariat = viewer('SECRETARIAT');
    let userId: string;
    beforeAll(async () => {
      const { data } = await signUp({ email: 'officer@example.org', password: PASSWORD, name: 'Officer' });
      userId = (data!.signUp as { user: { id: string } }).user.id;
    });

    it('is for the Secretariat only', async () => {
      const anonymous = await subgraph.execute(GRANT, { userId, role: 'SECRETARIAT' });
      expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      const authority = await subgraph.execute(GRANT, { userId, role: 'SECRETARIAT' }, viewer('AUTHORITY', 'GT', userId));
      expect(authority.errors![0].extensions.code).toBe('FORBIDDEN');
      expect((await subgraph.db.getRepository(User).findOneByOrFail({ id: userId })).role).toBeNull();
    });

    it('needs a Member State with AUTHORITY', async () => {
      const missing = await subgraph.execute(GRANT, { userId, role: 'AUTHORITY' }, secretariat);
      expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
      const wrong = await subgraph.execute(GRANT, { userId, role: 'AUTHORITY', country: 'FR' }, secretariat);
      expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
    });

    it('gives AUTHORITY with a country, carried by the next sign-in', async () => {
      const { data, errors } = await subgraph.execute(GRANT, { userId, role: 'AUTHORITY', country: 'gt' }, secretariat);
      expect(errors).toBeUndefined();
      expect(data!.grantRole).toEqual({ id: userId, role: 'AUTHORITY', country: { code: 'GT' } });
      const { data: signedIn } = await login('officer@example.org', PASSWORD);
      const { token } = signedIn!.login as { token: string };
      expect(verifyAuthorization(`Bearer ${token}`, testVerifyingKey)).toMatchObject({ role: 'AUTHORITY', country: 'GT' });
    });

    it('answers NOT_FOUND for an unknown account', async () => {
      const { errors } = await subgraph.execute(
        GRANT,
        { userId: '00000000-0000-4000-8000-000000000000', role: 'SECRETARIAT' },
        secretariat,
      );
      expect(errors![0].extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('users', () => {
    it('lists accounts with their e-mail for the Secretariat, and refuses anyone else', async () => {
      const query = '{ users(filter: { search: "example.org" }, first: 100) { totalCount nodes { email } } }';
      const { data } = await subgraph.execute(query, {}, viewer('SECRETARIAT'));
      expect((data!.users as { totalCount: number }).totalCount).toBeGreaterThanOrEqual(3);
      const refused = await subgraph.execute(query, {}, viewer(null));
      expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
    });
  });
});
