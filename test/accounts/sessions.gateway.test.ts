import jwt from 'jsonwebtoken';
import { RefreshToken } from '../../services/accounts/entities/refresh-token.entity';
import { Role, User } from '../../services/accounts/entities/user.entity';
import { hashPassword } from '../../services/accounts/passwords';
import { newId } from '../../services/kit/ids';
import { tokenFor } from '../helpers/auth';
import { startGraph, TestGraph } from '../helpers/graph';

const PAYLOAD = 'token expiresAt refreshToken user { id email role }';
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ${PAYLOAD} } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ${PAYLOAD} } }`;
const REFRESH = `mutation($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { ${PAYLOAD} } }`;
const LOGOUT = `mutation($refreshToken: String!) { logout(refreshToken: $refreshToken) }`;
const CHANGE = `mutation($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { ${PAYLOAD} } }`;
const REVOKE = `mutation($userId: ID!) { revokeRole(userId: $userId) { id role country { code } } }`;
const GRANT = `mutation($userId: ID!, $role: Role!, $country: ID) { grantRole(userId: $userId, role: $role, country: $country) { id role } }`;
const CREATE_AUTHORITY = `mutation($input: AuthorityInput!) { createAuthority(input: $input) { id } }`;
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'violet lantern orchard 42';

interface Payload {
  token: string;
  expiresAt: string;
  refreshToken: string;
  user: { id: string; email: string; role: string | null };
}
type Body = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** Sessions through the gateway (issue 16): short access tokens, single-use refresh tokens, logout, revokeRole, changePassword. */
describe('sessions, through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ MUTATION_RATE_LIMIT: '0' });
  });
  afterAll(() => graph.stop());

  const db = () => graph.subgraphs.accounts.db;
  const code = (body: Body) => body.errors?.[0]?.extensions?.code;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const send = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Body> =>
    (await graph.query(query, variables, headers)).body;

  /** An account made straight in the database (no sign-up throttle), to sign in to. */
  const addUser = async (email: string, extra: Partial<User> = {}): Promise<string> => {
    const id = newId();
    await db()
      .getRepository(User)
      .insert(
        Object.assign(new User(), {
          id,
          email,
          name: email.split('@')[0],
          passwordHash: await hashPassword(PASSWORD),
          role: null,
          countryCode: null,
          authorityId: null,
          ...extra,
        }),
      );
    return id;
  };
  const login = async (email: string, password = PASSWORD): Promise<Payload> => {
    const body = await send(LOGIN, { email, password });
    expect(body.errors).toBeUndefined();
    return body.data.login;
  };
  const refresh = (refreshToken: string, headers: Record<string, string> = {}) => send(REFRESH, { refreshToken }, headers);
  const refreshed = async (refreshToken: string): Promise<Payload> => {
    const body = await refresh(refreshToken);
    expect(body.errors).toBeUndefined();
    return body.data.refreshToken;
  };
  const expectRefused = (body: Body) => {
    expect(body.data).toBeNull();
    expect(body.errors![0]).toMatchObject({
      message: 'This refresh token is not valid; sign in again.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  };

  describe('the payload of signUp and login', () => {
    const expectFresh = (payload: Payload, before: number) => {
      const expiresAt = new Date(payload.expiresAt).getTime();
      expect(expiresAt).toBe((jwt.decode(payload.token) as { exp: number }).exp * 1000);
      // TOKEN_TTL_SECONDS is 900 by default: exp is whole seconds, so within a second or two of now + 15 minutes.
      expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 900_000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 900_000);
      expect(payload.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    };

    it('holds an access token of 15 minutes, its expiresAt, and a refresh token', async () => {
      const before = Date.now();
      const body = await send(SIGN_UP, { input: { email: 'new@example.org', password: PASSWORD, name: 'New' } });
      expect(body.errors).toBeUndefined();
      expectFresh(body.data.signUp, before);
      expect(body.data.signUp.user.email).toBe('new@example.org');
      expectFresh(await login('new@example.org'), before);
    });

    it('stores the refresh token only as its hash', async () => {
      const { refreshToken, user } = await login('new@example.org');
      const rows = await db().getRepository(RefreshToken).findBy({ userId: user.id });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((row) => row.tokenHash)).not.toContain(refreshToken);
    });
  });

  describe('refreshToken', () => {
    beforeAll(() => addUser('renew@example.org'));

    it('returns a new access token and a new refresh token, and refuses the old one afterwards', async () => {
      const first = await login('renew@example.org');
      const second = await refreshed(first.refreshToken);
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.user.id).toBe(first.user.id);
      expect(second.user.email).toBe('renew@example.org'); // the payload is the user's own
      const me = await send('{ me { id } }', {}, bearer(second.token));
      expect(me.data.me).toEqual({ id: first.user.id });
      expectRefused(await refresh(first.refreshToken));
    });

    it("ends the session when a used token comes back: its newest token is refused too, the user's other session goes on", async () => {
      const stolen = await login('renew@example.org');
      const other = await login('renew@example.org');
      const next = await refreshed(stolen.refreshToken);
      expectRefused(await refresh(stolen.refreshToken));
      expectRefused(await refresh(next.refreshToken));
      expect((await refreshed(other.refreshToken)).user.id).toBe(other.user.id);
    });

    it('lets exactly one of 10 concurrent renewals of one token through, and counts the others as reuse', async () => {
      const { refreshToken } = await login('renew@example.org');
      const answers = await Promise.all(Array.from({ length: 10 }, () => refresh(refreshToken)));
      const winners = answers.filter((body) => !body.errors);
      expect(winners).toHaveLength(1);
      for (const body of answers.filter((answer) => answer.errors)) expectRefused(body);
      // The others presented a used token: the session is over, the winner's new refresh token included.
      expectRefused(await refresh(winners[0].data.refreshToken.refreshToken));
    });

    it('refuses a token nobody issued, and an expired one', async () => {
      expectRefused(await refresh('not-a-token'));
      const { refreshToken, user } = await login('renew@example.org');
      // Time moves on: the token's 30 days (REFRESH_TOKEN_TTL_SECONDS) are over.
      await db()
        .getRepository(RefreshToken)
        .update({ userId: user.id }, { expiresAt: new Date(Date.now() - 1000) });
      expectRefused(await refresh(refreshToken));
    });

    it('works with an expired, forged or garbage token still in the Authorization header', async () => {
      let { refreshToken } = await login('renew@example.org');
      const { user } = await login('renew@example.org');
      const expired = `Bearer ${tokenFor({ id: user.id, role: null, country: null, authorityId: null }, -60)}`;
      const forged = `Bearer ${jwt.sign({ sub: user.id, role: 'SECRETARIAT' }, 'not-the-key-not-the-key-not-the-key-not-the-key')}`;
      for (const authorization of [expired, forged, 'Bearer garbage']) {
        const { status, body } = await graph.query(REFRESH, { refreshToken }, { authorization });
        expect([status, body.errors]).toEqual([200, undefined]);
        expect(body.data.refreshToken.user).toMatchObject({ id: user.id, role: null });
        refreshToken = body.data.refreshToken.refreshToken;
      }
    });
  });

  describe('logout', () => {
    beforeAll(() => addUser('leaving@example.org'));

    it('ends the session of the token (true, also when already ended), not the others; false for a token nobody issued', async () => {
      const leaving = await login('leaving@example.org');
      const staying = await login('leaving@example.org');
      const renewed = await refreshed(leaving.refreshToken);
      expect((await send(LOGOUT, { refreshToken: renewed.refreshToken })).data).toEqual({ logout: true });
      expectRefused(await refresh(renewed.refreshToken));
      expect((await send(LOGOUT, { refreshToken: renewed.refreshToken })).data).toEqual({ logout: true });
      expect((await send(LOGOUT, { refreshToken: leaving.refreshToken })).data).toEqual({ logout: true });
      expect((await send(LOGOUT, { refreshToken: 'never-issued' })).data).toEqual({ logout: false });
      expect((await refreshed(staying.refreshToken)).user.id).toBe(staying.user.id);
    });
  });

  describe('changePassword', () => {
    let userId: string;
    beforeAll(async () => {
      userId = await addUser('changer@example.org');
    });
    const storedHash = async () => (await db().getRepository(User).findOneByOrFail({ id: userId })).passwordHash;
    const change = (token: string, currentPassword: string, newPassword: string) =>
      send(CHANGE, { currentPassword, newPassword }, bearer(token));

    it('refuses an anonymous caller', async () => {
      expect(code(await send(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }))).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['a wrong current password', 'not the password!', NEW_PASSWORD, 'UNAUTHENTICATED', undefined],
      ['a weak new password', PASSWORD, 'password1234', 'BAD_USER_INPUT', 'newPassword'],
      ['a new password of its own e-mail', PASSWORD, 'changer@example.org', 'BAD_USER_INPUT', 'newPassword'],
      ['a short new password', PASSWORD, 'short', 'BAD_USER_INPUT', undefined],
      ['the same password again', PASSWORD, PASSWORD, 'BAD_USER_INPUT', 'newPassword'],
    ])('refuses %s, and changes nothing', async (_case, current, next, expected, field) => {
      const session = await login('changer@example.org');
      const hash = await storedHash();
      const body = await change(session.token, current, next);
      expect(body.data).toBeNull();
      expect(body.errors![0].extensions).toMatchObject({ code: expected, ...(field ? { field } : {}) });
      expect(await storedHash()).toBe(hash);
      expect((await refreshed(session.refreshToken)).user.id).toBe(userId);
    });

    it('changes it: the old password is refused, the new one works, every other session ends, the new one goes on', async () => {
      const other = await login('changer@example.org');
      const current = await login('changer@example.org');
      const body = await change(current.token, PASSWORD, NEW_PASSWORD);
      expect(body.errors).toBeUndefined();
      const changed: Payload = body.data.changePassword;
      expect(changed.user.id).toBe(userId);
      expect(code(await send(LOGIN, { email: 'changer@example.org', password: PASSWORD }))).toBe('UNAUTHENTICATED');
      expect((await login('changer@example.org', NEW_PASSWORD)).user.id).toBe(userId);
      expectRefused(await refresh(other.refreshToken));
      expectRefused(await refresh(current.refreshToken));
      expect((await refreshed(changed.refreshToken)).user.id).toBe(userId);
    });
  });

  describe('revokeRole', () => {
    let secretariatId: string;
    let officerId: string;
    let secretariat: Payload;
    beforeAll(async () => {
      secretariatId = await addUser('secretariat@example.org', { role: Role.SECRETARIAT });
      officerId = await addUser('officer@example.org', { role: Role.AUTHORITY, countryCode: 'GT' });
      secretariat = await login('secretariat@example.org');
    });
    const stored = async (id: string) => {
      const user = await db().getRepository(User).findOneByOrFail({ id });
      return { role: user.role, country: user.countryCode, authorityId: user.authorityId };
    };
    const newAuthority = (name: string) => ({ input: { country: 'GT', name, competences: ['COORDINATION'] } });

    it('refuses an AUTHORITY (FORBIDDEN) and an anonymous caller (UNAUTHENTICATED), and changes nothing', async () => {
      const officer = await login('officer@example.org');
      expect(code(await send(REVOKE, { userId: secretariatId }, bearer(officer.token)))).toBe('FORBIDDEN');
      expect(code(await send(REVOKE, { userId: officerId }))).toBe('UNAUTHENTICATED');
      expect(await stored(secretariatId)).toMatchObject({ role: 'SECRETARIAT' });
      expect(await stored(officerId)).toEqual({ role: 'AUTHORITY', country: 'GT', authorityId: null });
    });

    it('answers NOT_FOUND for an account that does not exist', async () => {
      expect(code(await send(REVOKE, { userId: newId() }, bearer(secretariat.token)))).toBe('NOT_FOUND');
    });

    it("takes the officer's role away: the next renewal carries no role, and the officer's mutations are FORBIDDEN", async () => {
      const officer = await login('officer@example.org');
      expect(officer.user.role).toBe('AUTHORITY');
      const created = await send(CREATE_AUTHORITY, newAuthority('Oficina de prueba uno'), bearer(officer.token));
      expect(created.errors).toBeUndefined();

      const body = await send(REVOKE, { userId: officerId }, bearer(secretariat.token));
      expect(body.errors).toBeUndefined();
      expect(body.data.revokeRole).toEqual({ id: officerId, role: null, country: null });
      expect(await stored(officerId)).toEqual({ role: null, country: null, authorityId: null });

      const renewed = await refreshed(officer.refreshToken);
      expect(renewed.user.role).toBeNull();
      expect((jwt.decode(renewed.token) as { role: unknown }).role).toBeNull();
      const me = await send('{ me { id role country { code } } }', {}, bearer(renewed.token));
      expect(me.data.me).toEqual({ id: officerId, role: null, country: null });
      expect(code(await send(CREATE_AUTHORITY, newAuthority('Oficina de prueba dos'), bearer(renewed.token)))).toBe('FORBIDDEN');
    });

    it('shows a granted role at the next renewal too', async () => {
      const officer = await login('officer@example.org');
      expect(
        (await send(GRANT, { userId: officerId, role: 'AUTHORITY', country: 'GT' }, bearer(secretariat.token))).errors,
      ).toBeUndefined();
      expect((await refreshed(officer.refreshToken)).user.role).toBe('AUTHORITY');
    });

    it('refuses to take the role of the last SECRETARIAT, by revokeRole or by grantRole, and changes nothing', async () => {
      const revoked = await send(REVOKE, { userId: secretariatId }, bearer(secretariat.token));
      expect(revoked.errors![0]).toMatchObject({
        message: 'This is the last SECRETARIAT account; grant SECRETARIAT to another account first.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const demoted = await send(GRANT, { userId: secretariatId, role: 'AUTHORITY', country: 'GT' }, bearer(secretariat.token));
      expect(code(demoted)).toBe('BAD_USER_INPUT');
      expect(await stored(secretariatId)).toEqual({ role: 'SECRETARIAT', country: null, authorityId: null });
    });

    it('lets a SECRETARIAT go once another account has the role', async () => {
      const deputyId = await addUser('deputy@example.org', { role: Role.SECRETARIAT });
      const body = await send(REVOKE, { userId: secretariatId }, bearer(secretariat.token));
      expect(body.errors).toBeUndefined();
      expect(body.data.revokeRole.role).toBeNull();
      const deputy = await login('deputy@example.org');
      expect(code(await send(REVOKE, { userId: deputyId }, bearer(deputy.token)))).toBe('BAD_USER_INPUT');
    });
  });
});
