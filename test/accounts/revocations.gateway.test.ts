import jwt from 'jsonwebtoken';
import { TokenRevocation } from '../../services/accounts/entities/token-revocation.entity';
import { Role, User } from '../../services/accounts/entities/user.entity';
import { hashPassword } from '../../services/accounts/passwords';
import { signAccessToken } from '../../services/accounts/tokens';
import { TOKEN_ALGORITHM, TOKEN_ISSUER } from '../../services/platform/auth';
import { newId } from '../../services/kit/ids';
import { testSigningKey, tokenFor, viewer } from '../helpers/auth';
import { TEST_FEED_KEY } from '../helpers/config';
import { FeedClient } from '../helpers/feed-client';
import { startGraph, TestGraph } from '../helpers/graph';

const PAYLOAD = 'token refreshToken user { id role }';
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ${PAYLOAD} } }`;
const REFRESH = `mutation($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { ${PAYLOAD} } }`;
const CHANGE = `mutation($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { ${PAYLOAD} } }`;
const REVOKE = `mutation($userId: ID!) { revokeRole(userId: $userId) { id role } }`;
const GRANT = `mutation($userId: ID!, $role: Role!, $country: ID) { grantRole(userId: $userId, role: $role, country: $country) { id role } }`;
const CREATE_AUTHORITY = `mutation($input: AuthorityInput!) { createAuthority(input: $input) { id } }`;
const ME = '{ me { id role country { code } } }';
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'violet lantern orchard 42';
const REVOKED = "The token is not valid (revoked: the account's role or password changed); renew it with refreshToken or sign in again.";

interface Payload {
  token: string;
  refreshToken: string;
  user: { id: string; role: string | null };
}
type Body = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** Waits until `check` holds, asking again every 50 ms; fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The revocation list (issue 16): a role or password change ends the user's older access tokens in every process. */
describe('revoked access tokens, through the gateway', () => {
  let graph: TestGraph;
  const secretariat = `Bearer ${tokenFor(viewer('SECRETARIAT'))}`;
  beforeAll(async () => {
    graph = await startGraph({ MUTATION_RATE_LIMIT: '0', REVOCATION_POLL_SECONDS: '1' });
  });
  afterAll(() => graph.stop());

  const code = (body: Body) => body.errors?.[0]?.extensions?.code;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const send = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Body> =>
    (await graph.query(query, variables, headers)).body;
  const asSecretariat = (query: string, variables: Record<string, unknown>) => send(query, variables, { authorization: secretariat });

  const addUser = async (email: string, extra: Partial<User> = {}): Promise<string> => {
    const id = newId();
    const user = { id, email, name: email.split('@')[0], passwordHash: await hashPassword(PASSWORD), role: null, countryCode: null };
    await graph.subgraphs.accounts.db.getRepository(User).insert(Object.assign(new User(), { ...user, authorityId: null, ...extra }));
    return id;
  };
  const login = async (email: string, password = PASSWORD): Promise<Payload> => {
    const body = await send(LOGIN, { email, password });
    expect(body.errors).toBeUndefined();
    return body.data.login;
  };
  const refreshed = async (refreshToken: string): Promise<Payload> => {
    const body = await send(REFRESH, { refreshToken });
    expect(body.errors).toBeUndefined();
    return body.data.refreshToken;
  };
  /** Whether `me` still knows the holder of this token (accounts). */
  const signedIn = async (token: string) => (await send(ME, {}, bearer(token))).data.me !== null;
  const untilRevoked = (token: string) => eventually(async () => !(await signedIn(token)));
  /**
   * Each process polls on its own: until this refusal-only probe of another subgraph says UNAUTHENTICATED (an
   * officer's createAuthority for a country not its own, setAgreementStatus of no agreement: they write nothing).
   */
  const untilRefused = (probe: () => Promise<Body>) => eventually(async () => code(await probe()) === 'UNAUTHENTICATED');
  const authoritiesProbe = (token: string) => () => send(CREATE_AUTHORITY, newAuthority('AR', 'Sonda'), bearer(token));
  const agreementsProbe = (token: string) => () =>
    send('mutation($id: ID!) { setAgreementStatus(id: $id, status: SIGNED) { id } }', { id: newId() }, bearer(token));
  const newAuthority = (country: string, name: string) => ({ input: { country, name, competences: ['COORDINATION'] } });
  const authoritiesNamed = async (name: string) =>
    Number((await graph.subgraphs.authorities.db.query('SELECT COUNT(*) AS n FROM national_authorities WHERE name = ?', [name]))[0].n);

  describe('revokeRole', () => {
    it('ends the access token the officer holds within seconds; the renewed one carries no role', async () => {
      const officerId = await addUser('officer@example.org', { role: Role.AUTHORITY, countryCode: 'GT' });
      const officer = await login('officer@example.org');
      expect((await send(CREATE_AUTHORITY, newAuthority('GT', 'Oficina antes'), bearer(officer.token))).errors).toBeUndefined();

      expect(code(await authoritiesProbe(officer.token)())).toBe('FORBIDDEN');
      expect((await asSecretariat(REVOKE, { userId: officerId })).errors).toBeUndefined();
      await untilRevoked(officer.token);
      await untilRefused(authoritiesProbe(officer.token));
      const refused = await send(CREATE_AUTHORITY, newAuthority('GT', 'Oficina después'), bearer(officer.token));
      expect(refused.data).toBeNull();
      expect(refused.errors![0]).toMatchObject({ message: REVOKED, extensions: { code: 'UNAUTHENTICATED' } });
      expect(await authoritiesNamed('Oficina después')).toBe(0);

      const renewed = await refreshed(officer.refreshToken);
      expect((jwt.decode(renewed.token) as { role: unknown }).role).toBeNull();
      expect((await send(ME, {}, bearer(renewed.token))).data.me).toEqual({ id: officerId, role: null, country: null });
      expect(code(await send(CREATE_AUTHORITY, newAuthority('GT', 'Oficina después'), bearer(renewed.token)))).toBe('FORBIDDEN');
      expect(await authoritiesNamed('Oficina después')).toBe(0);
      expect(await authoritiesNamed('Oficina antes')).toBe(1);
      expect(await authoritiesNamed('Sonda')).toBe(0);
    });

    it('refuses a token issued up to the revocation, to the millisecond, and accepts one issued just after', async () => {
      const userId = await addUser('boundary@example.org', { role: Role.AUTHORITY, countryCode: 'GT' });
      expect((await asSecretariat(REVOKE, { userId })).errors).toBeUndefined();
      const { revokedAt } = await graph.subgraphs.accounts.db.getRepository(TokenRevocation).findOneByOrFail({ userId });
      const who = viewer(null, null, userId);
      const issuedAt = (ms: number) => signAccessToken(who, testSigningKey, 3600, ms).token;
      await untilRevoked(issuedAt(revokedAt));
      expect(await signedIn(issuedAt(revokedAt - 1))).toBe(false);
      expect(await signedIn(issuedAt(revokedAt + 1))).toBe(true);
      // Without iat_ms a token counts from the start of its second: one of the revocation's own second is refused.
      const secondsOnly = jwt.sign({ sub: userId, role: null, iat: Math.floor((revokedAt + 1) / 1000) }, testSigningKey, {
        algorithm: TOKEN_ALGORITHM,
        issuer: TOKEN_ISSUER,
        expiresIn: 3600,
      });
      expect(await signedIn(secondsOnly)).toBe(false);
    });

    it('ends a live subscription of the revoked token at its next event, and refuses it a new connection', async () => {
      const officerId = await addUser('listener@example.org', { role: Role.AUTHORITY, countryCode: 'CL' });
      const officer = await login('listener@example.org');
      const client = await FeedClient.connect(graph.url, `Bearer ${officer.token}`);
      try {
        client.subscribe('mine', 'subscription { agreementEvents { id kind } }');
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect((await asSecretariat(REVOKE, { userId: officerId })).errors).toBeUndefined();
        await untilRefused(agreementsProbe(officer.token));
        await eventually(async () => {
          const again = await FeedClient.connect(graph.url, `Bearer ${officer.token}`);
          const closed = await Promise.race([again.closed, new Promise((resolve) => setTimeout(resolve, 500))]);
          again.close();
          return (closed as { code?: number } | undefined)?.code === 4403;
        });
        const agreement = `mutation { createAgreement(input: { title: "Tras la revocación", kind: BILATERAL, parties: [{ country: "CL" }, { country: "PE" }] }) { id } }`;
        expect((await asSecretariat(agreement, {})).errors).toBeUndefined();
        const ended = await client.waitFor((m) => m.id === 'mine', 5000);
        expect(ended.payload.errors[0]).toMatchObject({ message: REVOKED, extensions: { code: 'UNAUTHENTICATED' } });
      } finally {
        client.close();
      }
    });
  });

  describe('grantRole', () => {
    it('moving an officer from GT to MX ends the token carrying GT; the renewed one carries MX', async () => {
      const officerId = await addUser('mover@example.org', { role: Role.AUTHORITY, countryCode: 'GT' });
      const officer = await login('mover@example.org');
      expect((await asSecretariat(GRANT, { userId: officerId, role: 'AUTHORITY', country: 'MX' })).errors).toBeUndefined();
      await untilRevoked(officer.token);
      const renewed = await refreshed(officer.refreshToken);
      expect(jwt.decode(renewed.token)).toMatchObject({ role: 'AUTHORITY', country: 'MX' });
      expect((await send(ME, {}, bearer(renewed.token))).data.me).toEqual({ id: officerId, role: 'AUTHORITY', country: { code: 'MX' } });
    });

    it('changes the roles of 10 officers at once: every change and its revocation is written, and old rows are pruned', async () => {
      const revocations = graph.subgraphs.accounts.db.getRepository(TokenRevocation);
      const ancient = await revocations.save({ userId: newId(), reason: 'role', revokedAt: Date.now() - 25 * 3600 * 1000 });
      const ids = await Promise.all(
        Array.from({ length: 10 }, (_, i) => addUser(`busy${i}@example.org`, { role: Role.AUTHORITY, countryCode: 'GT' })),
      );
      const answers = await Promise.all(ids.map((userId) => asSecretariat(GRANT, { userId, role: 'AUTHORITY', country: 'MX' })));
      expect(answers.map((body) => body.errors)).toEqual(ids.map(() => undefined));
      for (const userId of ids) expect(await revocations.countBy({ userId })).toBe(1);
      expect(await revocations.existsBy({ id: ancient.id })).toBe(false);
    });

    it('revokes nothing when a user without a role gets one: the tokens held carry none', async () => {
      const userId = await addUser('newcomer@example.org');
      const session = await login('newcomer@example.org');
      expect((await asSecretariat(GRANT, { userId, role: 'AUTHORITY', country: 'GT' })).errors).toBeUndefined();
      expect(await graph.subgraphs.accounts.db.getRepository(TokenRevocation).countBy({ userId })).toBe(0);
      expect(await signedIn(session.token)).toBe(true);
    });
  });

  describe('changePassword', () => {
    it("ends every access token of the user issued before, the caller's own included; the one it returns works", async () => {
      const userId = await addUser('robbed@example.org');
      const thief = await login('robbed@example.org');
      const owner = await login('robbed@example.org');
      const body = await send(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, bearer(owner.token));
      expect(body.errors).toBeUndefined();
      const changed: Payload = body.data.changePassword;
      await untilRevoked(thief.token);
      expect(await signedIn(owner.token)).toBe(false);
      expect((await send(ME, {}, bearer(changed.token))).data.me).toMatchObject({ id: userId });
    });
  });

  describe('GET /revocations', () => {
    const url = () => graph.subgraphs.accounts.url.replace(/\/graphql$/, '/revocations');
    const get = async (after: string | null, authorization?: string) => {
      const response = await fetch(`${url()}${after === null ? '' : `?after=${after}`}`, {
        headers: authorization ? { authorization } : {},
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    const feedKey = `FeedKey ${TEST_FEED_KEY}`;

    it("refuses a caller without the feed key (401) and a user's token (403)", async () => {
      expect(await get('0')).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });
      expect((await get('0', 'FeedKey not-the-key')).status).toBe(401);
      expect(await get('0', secretariat)).toMatchObject({ status: 403, body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } });
      expect((await get('x', feedKey)).status).toBe(400);
    });

    it("counts its answers under its own route in accounts' /metrics, not as a stranger's probe", async () => {
      await get('0', feedKey);
      const metrics = await (await fetch(url().replace(/\/revocations$/, '/metrics'))).text();
      expect(metrics).toMatch(/enlace_http_responses_total\{[^}]*route="\/revocations"[^}]*\} [1-9]/);
    });

    it('lists the revocations of the last 24 hours oldest first, 1000 at most, for the reader to page with after=last', async () => {
      const repository = graph.subgraphs.accounts.db.getRepository(TokenRevocation);
      const now = Date.now();
      await repository.insert({ userId: newId(), reason: 'role', revokedAt: now - 25 * 3600 * 1000 });
      const fresh = Array.from({ length: 1001 }, (_, i) => ({ userId: newId(), reason: 'role' as const, revokedAt: now - 1000 + i }));
      for (let i = 0; i < fresh.length; i += 200) await repository.insert(fresh.slice(i, i + 200));

      const first = await get(null, feedKey);
      expect(first.status).toBe(200);
      expect(first.body.revocations).toHaveLength(1000);
      const ids = first.body.revocations.map((revocation: { id: string }) => Number(revocation.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(first.body.last).toBe(String(ids[ids.length - 1]));
      expect(first.body.revocations[0]).toEqual({ id: expect.stringMatching(/^\d+$/), userId: expect.any(String), at: expect.any(Number) });
      const all = [...first.body.revocations];
      for (let page = first.body; page.revocations.length === 1000;) {
        page = (await get(page.last, feedKey)).body;
        all.push(...page.revocations);
      }
      const rows = await repository.count();
      expect(all).toHaveLength(rows - 1); // all but the one of 25 hours ago
      expect(all.slice(-1001).map((revocation) => revocation.userId)).toEqual(fresh.map((row) => row.userId));
      expect((await get(all[all.length - 1].id, feedKey)).body).toEqual({ revocations: [], last: all[all.length - 1].id });
    });
  });
});
