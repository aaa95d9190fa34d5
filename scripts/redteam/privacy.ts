import fs from 'node:fs';
import { demoOrganizationId } from '../../services/kit/demo-ids';
import type { GraphProcesses } from '../bench/processes';
import { bearer, data, post, type Answer, type Attack } from './attack';

/** The attacks of issue 15, items 6 to 9: what a signed-up user or an anonymous caller reads beyond its rights. */

const ADMIN = { email: 'secretariat@redteam.example', password: 'secretariat-password-1234' };
/** The first Secretariat account, created at start: the attacks need one to grant roles and change statuses. */
const env = { ENLACE_ADMIN_EMAIL: ADMIN.email, ENLACE_ADMIN_PASSWORD: ADMIN.password };

async function call<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer<T>> {
  const { body } = await post(url, query, variables, bearer(token));
  if (typeof body === 'string') throw new Error(`not JSON: ${body.slice(0, 80)}`);
  return body as Answer<T>;
}

async function login(url: string, email: string, password: string): Promise<{ token: string; id: string }> {
  const query = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }';
  const { login } = await data<{ login: { token: string; user: { id: string } } }>(url, query, { e: email, p: password });
  return { token: login.token, id: login.user.id };
}

/** Signs a new user up; with a country, the Secretariat makes it an AUTHORITY of it and it signs in again to carry the role. */
async function user(url: string, name: string, country?: string): Promise<{ token: string; id: string }> {
  const account = { email: `${name}.${Date.now()}@redteam.example`, password: 'a long enough password', name };
  await data(url, 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: account });
  const signedIn = await login(url, account.email, account.password);
  if (!country) return signedIn;
  const admin = await login(url, ADMIN.email, ADMIN.password);
  const grant = 'mutation($u: ID!, $c: ID) { grantRole(userId: $u, role: AUTHORITY, country: $c) { id } }';
  await data(url, grant, { u: signedIn.id, c: country }, admin.token);
  return login(url, account.email, account.password);
}

const shelterPosition: Attack = {
  name: 'shelter-position',
  summary: "item 6: an AUTHORITY reads a shelter's exact position and distance; are the reads in the access log?",
  env,
  target: 'organizations',
  run: async ({ gatewayUrl: url }: GraphProcesses) => {
    type Nodes = { services: { nodes: { id: string; distanceKm?: number }[] } };
    const officer = await user(url, 'curious-officer', 'GT');
    const listed = await data<Nodes>(url, '{ services(filter: { type: SHELTER, country: "GT" }, first: 1) { nodes { id } } }');
    const shelter = listed.services.nodes[0].id;
    const read = `{ service(id: "${shelter}") { latitude longitude } }`;
    const { latitude, longitude } = (await data<{ service: { latitude: number; longitude: number } }>(url, read, {}, officer.token))
      .service;
    const near = `{ services(filter: { type: SHELTER, near: { latitude: ${latitude}, longitude: ${longitude + 0.01} }, radiusKm: 5 }) {
      nodes { id distanceKm } } }`;
    const found = (await data<Nodes>(url, near, {}, officer.token)).services.nodes.find((n) => n.id === shelter);
    const admin = await login(url, ADMIN.email, ADMIN.password);
    const logQuery = 'query($s: ID) { shelterAccessLog(serviceId: $s) { totalCount } }';
    const log = await data<{ shelterAccessLog: { totalCount: number } }>(url, logQuery, { s: shelter }, admin.token);
    return `position ${latitude}, ${longitude} and distanceKm ${found?.distanceKm ?? 'none'} in 2 requests; ${log.shelterAccessLog.totalCount} log rows`;
  },
};

const hiddenLink: Attack = {
  name: 'hidden-link',
  summary: 'item 7: a published practice links a suspended organization; what does the public list of practices answer?',
  env,
  target: 'practices',
  run: async ({ gatewayUrl: url }: GraphProcesses) => {
    const admin = await login(url, ADMIN.email, ADMIN.password);
    const suspend = 'mutation($id: ID!) { verifyOrganization(id: $id, status: SUSPENDED) { id } }';
    await data(url, suspend, { id: demoOrganizationId('puentes-ar') }, admin.token);
    type Practices = { practices: { nodes: { title: string; organizations: { name: string }[] }[] } };
    const list = await call<Practices>(url, '{ practices(first: 100) { nodes { title organizations { name } } } }');
    const practices = list.data?.practices.nodes;
    const shown = practices
      ? `${practices.length} practices, suspended organization ${JSON.stringify(practices).includes('Puentes') ? 'shown' : 'left out'}`
      : 'data: null';
    const errors = list.errors ? list.errors.map((e) => e.extensions?.code).join(', ') : 'no errors';
    const submit = 'mutation($i: PracticeInput!) { submitPractice(input: $i) { id } }';
    const input = { title: 'Práctica inventada', summary: 'Enlace a nada.', pillar: 'PREVENTION', countries: ['GT'] };
    const officer = await user(url, 'linking-officer', 'GT');
    const bogus = await call(url, submit, { i: { ...input, organizationIds: ['00000000-0000-4000-8000-00000000dead'] } }, officer.token);
    const refused = bogus.errors ? `${String(bogus.errors[0].extensions?.code)} ${String(bogus.errors[0].extensions?.field)}` : 'accepted';
    return `public list: ${shown}, ${errors}${list.extensions ? ', extensions.valueCompletion' : ''}; unknown organization id at submission: ${refused}`;
  },
};

const eventId: Attack = {
  name: 'event-id',
  summary: 'item 8: an anonymous caller watches lastAgreementEventId while the Secretariat writes a DRAFT it may not see',
  env,
  target: 'agreements',
  run: async ({ gatewayUrl: url }: GraphProcesses) => {
    const last = async () => (await data<{ lastAgreementEventId: string | null }>(url, '{ lastAgreementEventId }')).lastAgreementEventId;
    const before = await last();
    const admin = await login(url, ADMIN.email, ADMIN.password);
    const create = `mutation { createAgreement(input: { title: "Borrador del equipo rojo", kind: BILATERAL,
      parties: [{ country: "GT" }, { country: "MX" }] }) { id } }`;
    await data(url, create, {}, admin.token);
    const after = await last();
    return `anonymous lastAgreementEventId ${before} → ${after} after a hidden DRAFT (${before === after ? 'no sign of it' : 'it shows'})`;
  },
};

const directUser: Attack = {
  name: 'direct-user',
  summary: "item 9: straight to the accounts subgraph, _entities for another user's id",
  env,
  target: 'accounts',
  run: async ({ gatewayUrl, subgraphUrls }: GraphProcesses) => {
    const victim = await user(gatewayUrl, 'officer-victim', 'GT');
    const attacker = await user(gatewayUrl, 'nosy-user');
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { name role country { code } } } }';
    const r = [{ __typename: 'User', id: victim.id }];
    type Entities = { _entities: unknown[] };
    const anonymous = await call<Entities>(subgraphUrls.accounts, query, { r });
    const signedIn = await call<Entities>(subgraphUrls.accounts, query, { r }, attacker.token);
    const show = (body: Answer<Entities>) => JSON.stringify(body.data?._entities[0] ?? null);
    return `another user's account: anonymous ${show(anonymous)}, signed in ${show(signedIn)}`;
  },
};

/** The SQLite files a process holds open (from /proc: the runner gives no data directory), by name, with their modes. */
function openSqliteFiles(pid: number): Map<string, number> {
  const files = new Map<string, number>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    const target = (() => {
      try {
        return fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    })();
    if (/\.sqlite(-wal|-shm)?$/.test(target)) files.set(target, fs.statSync(target).mode & 0o777);
  }
  return files;
}

const sqliteFiles: Attack = {
  name: 'sqlite-files',
  summary: 'item 9: another account of the machine reads the SQLite files (password hashes, shelter addresses)',
  env,
  target: 'accounts',
  run: async ({ gatewayUrl, pids }: GraphProcesses) => {
    await user(gatewayUrl, 'writer'); // a write: the -wal and -shm files exist
    const files = new Map<string, number>();
    for (const [name, pid] of Object.entries(pids))
      if (name !== 'gateway') openSqliteFiles(pid).forEach((mode, file) => files.set(file, mode));
    if (files.size === 0) return 'no SQLite file (MySQL)';
    const readable = [...files].filter(([, mode]) => (mode & 0o044) !== 0);
    const modes = [...new Set([...files.values()].map((mode) => mode.toString(8)))].join(', ');
    return `${files.size} SQLite files open (modes ${modes}): ${readable.length} readable by group or others`;
  },
};

export const PRIVACY_ATTACKS: Attack[] = [shelterPosition, hiddenLink, eventId, directUser, sqliteFiles];
