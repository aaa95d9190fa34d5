import { createHmac, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { startGraph, TestGraph } from '../helpers/graph';
import { TEST_KEYS } from '../helpers/config';
import { testSigningKey } from '../helpers/auth';
import { rowCounts } from '../helpers/rows';

const ADMIN = { email: 'secretariat@enlace.example', password: 'secretariat password' };
const PASSWORD = 'a long enough password';

/** Every mutation of the contract but signUp and login, with input that would otherwise be acceptable. */
const MUTATIONS: [string, string][] = [
  ['grantRole', 'mutation { grantRole(userId: "00000000-0000-4000-8000-000000000000", role: SECRETARIAT) { id } }'],
  ['registerOrganization', 'mutation { registerOrganization(input: { name: "Org", kind: NGO, country: "GT" }) { id } }'],
  ['verifyOrganization', 'mutation { verifyOrganization(id: "00000000-0000-4000-8000-000000000000", status: VERIFIED) { id } }'],
  [
    'addService',
    'mutation { addService(input: { organizationId: "00000000-0000-4000-8000-000000000000", name: "Line", type: HOTLINE, country: "GT" }) { id } }',
  ],
  ['updateService', 'mutation { updateService(id: "00000000-0000-4000-8000-000000000000", input: { name: "New" }) { id } }'],
  [
    'submitPractice',
    'mutation { submitPractice(input: { title: "Practice", summary: "S", pillar: PREVENTION, countries: ["GT"] }) { id } }',
  ],
  ['publishPractice', 'mutation { publishPractice(id: "00000000-0000-4000-8000-000000000000") { id } }'],
  [
    'createAgreement',
    'mutation { createAgreement(input: { title: "Agreement", kind: BILATERAL, parties: [{ country: "GT" }, { country: "MX" }] }) { id } }',
  ],
  ['setAgreementStatus', 'mutation { setAgreementStatus(id: "00000000-0000-4000-8000-000000000000", status: SIGNED) { id } }'],
];

const SERVICE_FIELDS = 'id name latitude longitude languages shelter { kind capacity address availableBeds }';

describe('security, through the gateway', () => {
  let graph: TestGraph;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

  const signUp = async (who: string, email: string) => {
    const { body } = await graph.query('mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }', {
      i: { email, password: PASSWORD, name: who },
    });
    tokens[who] = body.data.signUp.token;
    return body.data.signUp.user.id as string;
  };
  const login = async (who: string, email: string, password = PASSWORD) => {
    const { body } = await graph.query('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: email,
      p: password,
    });
    tokens[who] = body.data.login.token;
  };

  let serviceOfB: string;
  let organizationOfA: string;

  beforeAll(async () => {
    graph = await startGraph({ ENLACE_ADMIN_EMAIL: ADMIN.email, ENLACE_ADMIN_PASSWORD: ADMIN.password });
    await login('secretariat', ADMIN.email, ADMIN.password);
    const officer = await signUp('officer', 'officer@gt.example');
    await graph.query(
      'mutation($u: ID!) { grantRole(userId: $u, role: AUTHORITY, country: "GT") { id } }',
      { u: officer },
      as('secretariat'),
    );
    await login('officer', 'officer@gt.example');
    for (const member of ['memberA', 'memberB']) {
      await signUp(member, `${member.toLowerCase()}@example.org`);
      const { body } = await graph.query(
        'mutation($i: OrganizationInput!) { registerOrganization(input: $i) { id } }',
        { i: { name: `Organization of ${member}`, kind: 'NGO', country: 'GT' } },
        as(member),
      );
      const id = body.data.registerOrganization.id;
      await graph.query('mutation($id: ID!) { verifyOrganization(id: $id, status: VERIFIED) { id } }', { id }, as('secretariat'));
      if (member === 'memberA') organizationOfA = id;
      else {
        const added = await graph.query(
          'mutation($i: ServiceInput!) { addService(input: $i) { id } }',
          {
            i: {
              organizationId: id,
              name: 'Refugio B',
              type: 'SHELTER',
              country: 'GT',
              latitude: 14.6349,
              longitude: -90.5069,
              shelter: { kind: 'EMERGENCY', capacity: 12, address: 'Calle Secreta 7, Zona 2', availableBeds: 3 },
            },
          },
          as(member),
        );
        serviceOfB = added.body.data.addService.id;
      }
    }
  });
  afterAll(() => graph.stop());

  describe('an anonymous caller', () => {
    it.each(MUTATIONS)('is refused %s with UNAUTHENTICATED, and nothing is written', async (_name, mutation) => {
      const before = await rowCounts(graph);
      const { body } = await graph.query(mutation);
      expect(body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(await rowCounts(graph)).toEqual(before);
    });

    it('never receives a shelter address or free beds, in any list or lookup', async () => {
      const { raw } = await graph.query(`{
        services(first: 100) { nodes { ${SERVICE_FIELDS} } }
        service(id: "${serviceOfB}") { ${SERVICE_FIELDS} }
        country(code: "GT") { services { ${SERVICE_FIELDS} } organizations { services { ${SERVICE_FIELDS} } } }
      }`);
      expect(raw).not.toContain('Calle Secreta');
      const demoAddresses = await graph.subgraphs.organizations.db.query('SELECT address FROM shelters WHERE address IS NOT NULL');
      expect(demoAddresses.length).toBeGreaterThan(1);
      for (const { address } of demoAddresses) expect(raw).not.toContain(address);
      expect(raw).not.toContain('14.6349');
    });
  });

  describe('tokens', () => {
    const claims = () => ({ sub: '00000000-0000-4000-8000-000000000001', role: 'SECRETARIAT', country: null, authority: null });
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const ours = { algorithm: 'ES256', issuer: 'enlace-accounts' } as const;
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    // The classic confusion: an HMAC whose key is the public key every process holds, with the header saying HS256.
    const hmacWithPublicKey = () => {
      const header = b64({ alg: 'HS256', typ: 'JWT' });
      const payload = b64({ ...claims(), iss: 'enlace-accounts', exp: Math.floor(Date.now() / 1000) + 600 });
      const signature = createHmac('sha256', TEST_KEYS.publicKey).update(`${header}.${payload}`).digest('base64url');
      return `${header}.${payload}.${signature}`;
    };
    const forged: [string, () => string][] = [
      ['signed with another ES256 key', () => jwt.sign(claims(), otherKey, ours)],
      ['signed HS256 with a shared secret (the old scheme)', () => jwt.sign(claims(), 'not-the-key-not-the-key-not-the-key-not-the-key')],
      ['signed HS256 with the public key as its secret', hmacWithPublicKey],
      ['expired', () => jwt.sign({ ...claims(), exp: Math.floor(Date.now() / 1000) - 60 }, testSigningKey, ours)],
      ['issued by another issuer', () => jwt.sign(claims(), testSigningKey, { ...ours, issuer: 'someone-else' })],
      ['with alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
      ['with alg ES384 in its header', () => `${b64({ alg: 'ES384', typ: 'JWT' })}.${tokens.memberA.split('.').slice(1).join('.')}`],
      [
        'with a tampered payload',
        () => {
          const [header, , signature] = tokens.memberA.split('.');
          return `${header}.${b64(claims())}.${signature}`;
        },
      ],
      ['that is not a JWT', () => 'garbage'],
    ];

    it.each(forged)('answers a token %s as anonymous: UNAUTHENTICATED on what needs a viewer, and gives nothing', async (_name, make) => {
      const before = await rowCounts(graph);
      const token = make();
      const read = await graph.query(
        `{ me { id } service(id: "${serviceOfB}") { shelter { address } } }`,
        {},
        { authorization: `Bearer ${token}` },
      );
      expect(read.status).toBe(200);
      expect(read.body.data.me).toBeNull();
      expect(read.raw).not.toContain('Calle Secreta');
      const users = await graph.query('{ users { totalCount } }', {}, { authorization: `Bearer ${token}` });
      expect(users.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(users.body.errors![0].message).toMatch(
        /token is not valid \((expired|bad signature or format|send it as .*)\); sign in again/,
      );
      const write = await graph.query(MUTATIONS[0][1], {}, { authorization: `Bearer ${token}` });
      expect(write.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(await rowCounts(graph)).toEqual(before);
    });

    it("checks the signature with accounts' public key (the signature of a real token verifies)", () => {
      // Guards the test above: the tampered token differs from a valid one only by its payload.
      const [header, payload, signature] = tokens.memberA.split('.');
      const publicKey = createPublicKey(TEST_KEYS.publicKey);
      const signed = Buffer.from(`${header}.${payload}`);
      expect(verify('sha256', signed, { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))).toBe(true);
    });
  });

  describe('organizations and services', () => {
    it("refuses a member of organization A an update of organization B's service, and B's service is unchanged", async () => {
      const before = await graph.query(`{ service(id: "${serviceOfB}") { ${SERVICE_FIELDS} } }`, {}, as('memberB'));
      const { body } = await graph.query(
        `mutation { updateService(id: "${serviceOfB}", input: { name: "Hijacked", languages: ["eng"] }) { id } }`,
        {},
        as('memberA'),
      );
      expect(body.errors![0].extensions!.code).toBe('FORBIDDEN');
      const after = await graph.query(`{ service(id: "${serviceOfB}") { ${SERVICE_FIELDS} } }`, {}, as('memberB'));
      expect(after.body.data).toEqual(before.body.data);
      expect(after.body.data.service.name).toBe('Refugio B');
    });

    it('shows the address to the owning members and to an authority, and logs the authority read', async () => {
      const member = await graph.query(`{ service(id: "${serviceOfB}") { shelter { address } } }`, {}, as('memberB'));
      expect(member.body.data.service.shelter.address).toBe('Calle Secreta 7, Zona 2');
      const logged = () => graph.subgraphs.organizations.db.query('SELECT COUNT(*) AS n FROM shelter_access_log');
      const before = Number((await logged())[0].n);
      const officer = await graph.query(`{ service(id: "${serviceOfB}") { shelter { address availableBeds } } }`, {}, as('officer'));
      expect(officer.body.data.service.shelter).toEqual({ address: 'Calle Secreta 7, Zona 2', availableBeds: 3 });
      expect(Number((await logged())[0].n)).toBe(before + 1);
      const log = await graph.query(
        `{ shelterAccessLog(serviceId: "${serviceOfB}") { nodes { service { id } viewerCountry { code } } } }`,
        {},
        as('secretariat'),
      );
      expect(log.body.errors).toBeUndefined();
      expect(log.body.data.shelterAccessLog.nodes).toContainEqual({ service: { id: serviceOfB }, viewerCountry: { code: 'GT' } });
    });

    it('stores SQL and script strings verbatim and harms nothing', async () => {
      const name = "'; DROP TABLE services; -- <script>alert(1)</script>";
      const { body } = await graph.query(
        'mutation($i: ServiceInput!) { addService(input: $i) { name description } }',
        { i: { organizationId: organizationOfA, name, description: name, type: 'LEGAL_AID', country: 'GT' } },
        as('memberA'),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.addService).toEqual({ name, description: name });
      const { body: list } = await graph.query('{ services(first: 1) { totalCount } }');
      expect(list.data.services.totalCount).toBeGreaterThan(1);
    });

    it.each([
      ['a 1,000,000-character name', { name: 'x'.repeat(1_000_000) }, 'name'],
      ['10,000 languages', { languages: Array.from({ length: 10_000 }, () => 'spa') }, 'languages'],
      ['an unknown language code', { languages: ['spa', 'xyz'] }, 'languages'],
      ['a negative capacity', { type: 'SHELTER', shelter: { kind: 'EMERGENCY', capacity: -5 } }, 'shelter.capacity'],
      ['a latitude of 200', { latitude: 200, longitude: 0 }, 'latitude'],
    ])('refuses %s with a field-level error and writes nothing', async (_name, change, field) => {
      const before = await rowCounts(graph);
      const { body } = await graph.query(
        'mutation($i: ServiceInput!) { addService(input: $i) { id } }',
        { i: { organizationId: organizationOfA, name: 'Valid name', type: 'LEGAL_AID', country: 'GT', ...change } },
        as('memberA'),
      );
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await rowCounts(graph)).toEqual(before);
    });
  });

  describe('agreements', () => {
    it('refuses an authority of Guatemala an agreement between Mexico and Peru, and writes nothing', async () => {
      const before = await rowCounts(graph);
      const { body } = await graph.query(
        'mutation { createAgreement(input: { title: "Not ours", kind: BILATERAL, parties: [{ country: "MX" }, { country: "PE" }] }) { id } }',
        {},
        as('officer'),
      );
      expect(body.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect(await rowCounts(graph)).toEqual(before);
    });

    it("lets the authority create one of Guatemala's, visible as a DRAFT to it and not to the public", async () => {
      const { body } = await graph.query(
        'mutation { createAgreement(input: { title: "Ours", kind: BILATERAL, parties: [{ country: "GT" }, { country: "SV" }] }) { id status } }',
        {},
        as('officer'),
      );
      expect(body.errors).toBeUndefined();
      const { id, status } = body.data.createAgreement;
      expect(status).toBe('DRAFT');
      const mine = await graph.query(`{ agreement(id: "${id}") { title } }`, {}, as('officer'));
      expect(mine.body.data.agreement).toEqual({ title: 'Ours' });
      const publicView = await graph.query(`{ agreement(id: "${id}") { title } }`);
      expect(publicView.body.data.agreement).toBeNull();
    });
  });

  it('refuses a member without a role a publishing right (FORBIDDEN) and writes nothing', async () => {
    const before = await rowCounts(graph);
    const { body } = await graph.query(MUTATIONS[6][1], {}, as('memberA'));
    expect(body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await rowCounts(graph)).toEqual(before);
  });
});
