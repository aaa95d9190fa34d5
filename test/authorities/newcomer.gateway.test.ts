import { startGraph, type TestGraph } from '../helpers/graph';

const ADMIN = { email: 'secretaria@enlace.example', password: 'Secretaría de la red 2026!' };
const OFFICER = { email: 'oficial.peru@enlace.example', password: 'Lima, jirón de la Unión 42', name: 'Oficial del Perú' };

/**
 * How a deployment starts from empty (issue 16, Proof): no demo data, one Secretariat account from the
 * environment; it makes an officer Peru's AUTHORITY, who fills Peru's directory and designates its contact point.
 */
describe('a directory that starts empty, filled by the States', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ SEED_DEMO: 'false', ENLACE_ADMIN_EMAIL: ADMIN.email, ENLACE_ADMIN_PASSWORD: ADMIN.password });
  });
  afterAll(() => graph?.stop());

  const as = (token: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  const call = async (query: string, variables: Record<string, unknown>, token: string | null) => {
    const { body } = await graph.query(query, variables, as(token));
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const login = async (email: string, password: string): Promise<string> =>
    (await call('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password }, null)).login
      .token;

  it("lets an officer granted AUTHORITY for Peru create Peru's authority and designate it contact point", async () => {
    const empty = await call('{ authorities { totalCount } country(code: "PE") { contactPoint { name } } }', {}, null);
    expect(empty).toEqual({ authorities: { totalCount: 0 }, country: { contactPoint: null } });

    const signedUp = await call('mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }', { i: OFFICER }, null);
    const officerId = signedUp.signUp.user.id as string;
    const admin = await login(ADMIN.email, ADMIN.password);
    const granted = await call(
      'mutation($u: ID!) { grantRole(userId: $u, role: AUTHORITY, country: "PE") { role country { code } } }',
      { u: officerId },
      admin,
    );
    expect(granted.grantRole).toEqual({ role: 'AUTHORITY', country: { code: 'PE' } });

    // The role comes with the next sign-in.
    const officer = await login(OFFICER.email, OFFICER.password);
    const created = await call(
      'mutation($i: AuthorityInput!) { createAuthority(input: $i) { id name phone country { code } } }',
      {
        i: {
          country: 'PE',
          name: 'Comisión Multisectorial Permanente contra la Trata de Personas',
          competences: ['COORDINATION', 'PREVENTION'],
          phone: '+51 1 418 3000',
        },
      },
      officer,
    );
    expect(created.createAuthority).toMatchObject({ phone: '+51 1 4183000', country: { code: 'PE' } });
    await call(
      'mutation($a: ID!) { designateContactPoint(country: "PE", authorityId: $a) { code } }',
      { a: created.createAuthority.id },
      officer,
    );

    const peru = await call('{ country(code: "PE") { contactPoint { name } } }', {}, null);
    expect(peru.country.contactPoint).toEqual({ name: 'Comisión Multisectorial Permanente contra la Trata de Personas' });
    const history = await call('{ authorityHistory { nodes { kind userId } } }', {}, admin);
    expect(history.authorityHistory.nodes).toEqual([
      { kind: 'DESIGNATED', userId: officerId },
      { kind: 'CREATED', userId: officerId },
    ]);
  });
});
