import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { SUBGRAPHS } from '../../services/platform/config';
import { BENCH_KEY_ENV, type GraphProcesses } from '../bench/processes';
import { bearer, data, post, type Answer, type Attack } from './attack';

/** The attacks of issue 16 on the token scheme: forging, replaying and outliving a token. */

const ADMIN = { email: 'secretariat@redteam.example', password: 'secretariat-password-1234' };
const env = { ENLACE_ADMIN_EMAIL: ADMIN.email, ENLACE_ADMIN_PASSWORD: ADMIN.password };
const PASSWORD = 'a long enough password';

interface Session {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
}

const SESSION = 'token refreshToken user { id }';

async function login(url: string, email: string, password: string): Promise<Session> {
  const query = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ${SESSION} } }`;
  const { login } = await data<{ login: { token: string; refreshToken: string; user: { id: string } } }>(url, query, {
    e: email,
    p: password,
  });
  return { id: login.user.id, email, token: login.token, refreshToken: login.refreshToken };
}

async function newUser(url: string, name: string): Promise<Session> {
  const email = `${name}.${Date.now()}@redteam.example`;
  await data(url, 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: { email, password: PASSWORD, name } });
  return login(url, email, PASSWORD);
}

/** A new user that the Secretariat makes an AUTHORITY of `country`; the session carries the role. */
async function officer(url: string, name: string, country: string): Promise<Session> {
  const user = await newUser(url, name);
  const admin = await login(url, ADMIN.email, ADMIN.password);
  const grant = 'mutation($u: ID!, $c: ID) { grantRole(userId: $u, role: AUTHORITY, country: $c) { id } }';
  await data(url, grant, { u: user.id, c: country }, admin.token);
  return login(url, user.email, PASSWORD);
}

async function renew(url: string, refreshToken: string): Promise<Answer<{ refreshToken: { token: string; refreshToken: string } }>> {
  const { body } = await post(url, 'mutation($r: String!) { refreshToken(refreshToken: $r) { token refreshToken } }', { r: refreshToken });
  return body as Answer<{ refreshToken: { token: string; refreshToken: string } }>;
}

const codeOf = (answer: Answer | string): string => {
  if (typeof answer === 'string') return 'not JSON';
  const code = answer.errors?.[0]?.extensions?.code;
  if (typeof code === 'string') return code;
  return answer.data ? 'data' : 'nothing';
};

/** What a token opens: `me` (anyone signed in) and `users` (the Secretariat), as one short word each. */
async function opens(url: string, token: string): Promise<string> {
  const me = await post(url, '{ me { id role } }', {}, bearer(token));
  const users = await post(url, '{ users(first: 1) { totalCount } }', {}, bearer(token));
  const role = typeof me.body === 'object' ? ((me.body.data as { me: { role: string | null } | null })?.me?.role ?? null) : null;
  const meSays = typeof me.body === 'object' && (me.body.data as { me: unknown })?.me ? `me(role ${role})` : `me null`;
  return `${meSays}, users ${codeOf(users.body)}`;
}

/** Polls `check` every 250 ms until it is true or `limitMs` has passed; the seconds it took, or null. */
async function secondsUntil(check: () => Promise<boolean>, limitMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check()) return (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

const forged: Attack = {
  name: 'forged-tokens',
  summary: 'issue 16: Secretariat tokens forged every way an attacker can, sent to the gateway and to every subgraph directly',
  env,
  target: 'gateway',
  run: async (graph: GraphProcesses, log) => {
    const admin = await login(graph.gatewayUrl, ADMIN.email, ADMIN.password);
    const claims = { sub: admin.id, role: 'SECRETARIAT', country: null, authority: null };
    const ours = { algorithm: 'ES256', issuer: 'enlace-accounts', expiresIn: 600 } as const;
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const hs256 = (secret: string) => {
      const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iss: 'enlace-accounts', exp: Math.floor(Date.now() / 1000) + 600 })}`;
      return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
    };
    const publicKey = BENCH_KEY_ENV.JWT_PUBLIC_KEY;
    const [header, , signature] = admin.token.split('.');
    const forgeries: [string, string][] = [
      ['ES256, another key', jwt.sign(claims, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, ours)],
      ['HS256 keyed with the public key', hs256(publicKey)],
      ['HS256 keyed with the PEM body', hs256(publicKey.replace(/-----[A-Z ]+-----|\s/g, ''))],
      ['HS256 keyed with the feed key', hs256(BENCH_KEY_ENV.FEED_KEY)],
      ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: 'enlace-accounts' })}.`],
      ["the Secretariat's signature on a payload naming another user", `${header}.${b64({ ...claims, sub: 'x' })}.${signature}`],
      ['the feed key as a Bearer token', BENCH_KEY_ENV.FEED_KEY],
    ];
    const targets: [string, string][] = [
      ['gateway', graph.gatewayUrl],
      ...SUBGRAPHS.map((name): [string, string] => [name, graph.subgraphUrls[name]]),
    ];
    const accepted: string[] = [];
    for (const [what, token] of forgeries) {
      const seen = new Set<string>();
      for (const [where, url] of targets) {
        const { body } = await post(url, '{ users(first: 1) { totalCount } }', {}, bearer(token));
        const code = codeOf(body);
        if (code !== 'UNAUTHENTICATED' && !(where !== 'gateway' && where !== 'accounts' && code === 'GRAPHQL_VALIDATION_FAILED')) {
          accepted.push(`${what} at ${where}: ${code}`);
        }
        seen.add(code);
      }
      log(`${what}: ${[...seen].join(', ')} (gateway and ${SUBGRAPHS.length} subgraphs)`);
    }
    const genuine = await opens(graph.gatewayUrl, admin.token);
    return `${forgeries.length} forgeries x ${targets.length} processes: ${accepted.length === 0 ? 'none accepted' : accepted.join('; ')}; the genuine token: ${genuine}`;
  },
};

const feedKey: Attack = {
  name: 'feed-key',
  summary: "issue 16: the gateway's feed key used as a user's token, and a user's token used as the feed key",
  env,
  target: 'agreements',
  run: async (graph: GraphProcesses, log) => {
    const admin = await login(graph.gatewayUrl, ADMIN.email, ADMIN.password);
    const head = graph.subgraphUrls.agreements.replace('/graphql', '/feeds/agreementEvents/head');
    const tries: [string, Record<string, string>][] = [
      ['no key', {}],
      ["the Secretariat's token", bearer(admin.token)],
      ['a wrong key', { authorization: 'FeedKey not-the-key-not-the-key-not-the-key' }],
      ['the key', { authorization: `FeedKey ${BENCH_KEY_ENV.FEED_KEY}` }],
    ];
    const results: string[] = [];
    for (const [what, headers] of tries) {
      const response = await fetch(head, { headers });
      results.push(`${what} ${response.status}`);
    }
    const asUser = await post(
      graph.gatewayUrl,
      '{ me { id } users(first: 1) { totalCount } }',
      {},
      { authorization: `FeedKey ${BENCH_KEY_ENV.FEED_KEY}` },
    );
    log(`the key at the gateway's /graphql: ${JSON.stringify(asUser.body).slice(0, 160)}`);
    return `head: ${results.join(', ')}; the key at /graphql: ${codeOf(asUser.body)}`;
  },
};

const refreshReuse: Attack = {
  name: 'refresh-reuse',
  summary: 'issue 16: a stolen refresh token replayed after its owner renewed, and 10 renewals of one token at once',
  env,
  target: 'accounts',
  run: async ({ gatewayUrl: url }: GraphProcesses, log) => {
    const owner = await newUser(url, 'owner');
    const renewed = await renew(url, owner.refreshToken);
    const next = renewed.data!.refreshToken.refreshToken;
    const replay = await renew(url, owner.refreshToken);
    const ownerAfter = await renew(url, next);
    log(`replayed: ${codeOf(replay)}; the owner's newest after the replay: ${codeOf(ownerAfter)}`);
    const other = await newUser(url, 'racer');
    const race = await Promise.all(Array.from({ length: 10 }, () => renew(url, other.refreshToken)));
    const won = race.filter((answer) => answer.data).length;
    const logout = await post(url, 'mutation($r: String!) { logout(refreshToken: $r) }', { r: other.refreshToken });
    return `replay of a used token: ${codeOf(replay)}, and it ended the owner's session (${codeOf(ownerAfter)}); 10 at once: ${won} renewed, ${10 - won} ${codeOf(race.find((a) => !a.data) ?? {})}; logout of the ended session: ${JSON.stringify((logout.body as Answer).data)}`;
  },
};

const revokedRole: Attack = {
  name: 'revoked-role',
  summary: 'issue 16: an officer keeps using the token it had when the Secretariat revoked its role; how long does the role last?',
  env,
  target: 'authorities',
  run: async ({ gatewayUrl: url }: GraphProcesses, log) => {
    const held = await officer(url, 'revoked-officer', 'PE');
    const create = 'mutation($n: String!) { createAuthority(input: { country: "PE", name: $n, competences: [COORDINATION] }) { id } }';
    const before = await post(url, create, { n: 'Antes de la revocación' }, bearer(held.token));
    const admin = await login(url, ADMIN.email, ADMIN.password);
    await data(url, 'mutation($u: ID!) { revokeRole(userId: $u) { id } }', { u: held.id }, admin.token);
    const revokedAt = Date.now();
    let last = '';
    const seconds = await secondsUntil(async () => {
      const { body } = await post(url, create, { n: `Después ${Date.now()}` }, bearer(held.token));
      last = codeOf(body);
      return last !== 'data';
    }, 120_000);
    log(`the old token after the revocation: ${last} after ${((Date.now() - revokedAt) / 1000).toFixed(1)} s`);
    const renewed = await renew(url, held.refreshToken);
    const withRenewed = renewed.data
      ? codeOf((await post(url, create, { n: 'Renovado' }, bearer(renewed.data.refreshToken.token))).body)
      : 'no renewal';
    return `before: ${codeOf(before.body)}; the held token stopped creating authorities ${seconds === null ? 'not within 120 s' : `after ${seconds.toFixed(1)} s (${last})`}; renewed: ${withRenewed}`;
  },
};

const passwordChange: Attack = {
  name: 'password-change',
  summary: "issue 16: a thief holds a user's tokens; the user changes the password; what does the thief keep?",
  env,
  target: 'accounts',
  run: async ({ gatewayUrl: url }: GraphProcesses, log) => {
    const owner = await newUser(url, 'robbed');
    const thief = await login(url, owner.email, PASSWORD);
    const change = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }';
    await data(url, change, { c: PASSWORD, n: 'a brand new passphrase for 2027' }, owner.token);
    const refreshed = await renew(url, thief.refreshToken);
    const seconds = await secondsUntil(async () => !(await opens(url, thief.token)).startsWith('me(role'), 120_000);
    log(`the thief's access token now: ${await opens(url, thief.token)}`);
    const oldPassword = await post(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: owner.email,
      p: PASSWORD,
    });
    return `thief's refresh: ${codeOf(refreshed)}; thief's access token stopped ${seconds === null ? 'not within 120 s' : `after ${seconds.toFixed(1)} s`}; old password: ${codeOf(oldPassword.body)}`;
  },
};

export const TOKEN_ATTACKS: Attack[] = [forged, feedKey, refreshReuse, revokedRole, passwordChange];
