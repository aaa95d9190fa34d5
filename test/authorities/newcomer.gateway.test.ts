import fs from 'node:fs';
import { projectPath } from '../../services/platform/paths';
import { startGraph, type TestGraph } from '../helpers/graph';

const ADMIN = { email: 'secretaria@enlace.example', password: 'Secretaría de la red 2026!' };

/** The README's "Starting from empty": its graphql blocks in order, each with the account its first line names. */
function walk(): { who: string; operation: string }[] {
  const readme = fs.readFileSync(projectPath('README.md'), 'utf8');
  const start = readme.indexOf('\n## Starting from empty\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
  return [...section.matchAll(/```graphql\n# ([^\n]*)\n([\s\S]*?)```/g)].map(([, who, operation]) => ({ who, operation }));
}

/** The variables an operation declares, by name. */
const declared = (operation: string): string[] => [...operation.match(/^[^{]*/)![0].matchAll(/\$(\w+)/g)].map(([, name]) => name);

/**
 * How a deployment starts from empty (issue 16, Proof), exactly as the README tells it: no demo data, one
 * Secretariat account from the environment; it makes an officer Peru's AUTHORITY, who fills Peru's directory
 * and designates its contact point; then the Secretariat takes the role back.
 */
describe("the README's walk from an empty directory", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    // Revocations are read every second here, rather than every 30 (REVOCATION_POLL_SECONDS), to keep the test short.
    graph = await startGraph({
      SEED_DEMO: 'false',
      ENLACE_ADMIN_EMAIL: ADMIN.email,
      ENLACE_ADMIN_PASSWORD: ADMIN.password,
      REVOCATION_POLL_SECONDS: '1',
    });
  });
  afterAll(() => graph?.stop());

  const as = (token: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

  it('runs block by block: the officer fills Peru, anyone sees its contact point, and the role can be taken back', async () => {
    const steps = walk();
    expect(steps.map(({ who }) => who.split(/[,:]/)[0])).toEqual([
      'the officer',
      'the Secretariat (login with ENLACE_ADMIN_EMAIL)',
      'the officer',
      'the officer',
      'the officer',
      'anyone',
      'the Secretariat',
    ]);
    const empty = await graph.query('{ authorities { totalCount } country(code: "PE") { contactPoint { name } } }');
    expect(empty.body.data).toEqual({ authorities: { totalCount: 0 }, country: { contactPoint: null } });

    const login = await graph.query('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: ADMIN.email,
      p: ADMIN.password,
    });
    const tokens: Record<string, string | null> = { secretariat: login.body.data.login.token, officer: null };
    const variables: Record<string, unknown> = {};
    const answers: Record<string, any>[] = [];
    for (const { who, operation } of steps) {
      const token = who.startsWith('the Secretariat')
        ? tokens.secretariat
        : who.startsWith('the officer,') && who.includes('signed out')
          ? null
          : who.startsWith('the officer')
            ? tokens.officer
            : null;
      const given = Object.fromEntries(declared(operation).map((name) => [name, variables[name]]));
      const { body } = await graph.query(operation, given, as(token));
      expect({ operation, errors: body.errors }).toEqual({ operation, errors: undefined });
      const data = body.data;
      answers.push(data);
      // What the README tells the reader to keep from each answer.
      if (data.signUp) Object.assign(variables, { officer: data.signUp.user.id, refreshToken: data.signUp.refreshToken });
      if (data.refreshToken) {
        variables.refreshToken = data.refreshToken.refreshToken;
        tokens.officer = data.refreshToken.token;
      }
      if (data.createAuthority) variables.authority = data.createAuthority.id;
    }
    const [, granted, renewed, , designated, peru, revoked] = answers;
    expect(granted.grantRole).toEqual({ role: 'AUTHORITY' });
    expect(Date.parse(renewed.refreshToken.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(designated.designateContactPoint.contactPoint).toEqual({ name: 'Comisión Multisectorial contra la Trata de Personas' });
    expect(peru.country.contactPoint).toEqual({ name: 'Comisión Multisectorial contra la Trata de Personas', phone: '+51 1 4183000' });
    expect(revoked.revokeRole).toEqual({ role: null });

    // The directory's history names the officer for both writes.
    const history = await graph.query('{ authorityHistory { nodes { kind userId } } }', {}, as(tokens.secretariat));
    expect(history.body.data.authorityHistory.nodes).toEqual([
      { kind: 'DESIGNATED', userId: variables.officer },
      { kind: 'CREATED', userId: variables.officer },
    ]);

    // The token the officer holds stops opening anything once every process has read the revocation. The
    // probe cannot write (an empty name is refused): until the authorities subgraph reads it, the role holds.
    const probe = 'mutation($id: ID!) { updateAuthority(id: $id, input: { name: "" }) { name } }';
    const deadline = Date.now() + 15_000;
    let held = await graph.query(probe, { id: variables.authority }, as(tokens.officer));
    while (held.body.errors![0].extensions!.code !== 'UNAUTHENTICATED' && Date.now() < deadline) {
      expect(held.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      await new Promise((resolve) => setTimeout(resolve, 200));
      held = await graph.query(probe, { id: variables.authority }, as(tokens.officer));
    }
    expect(held.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(held.body.errors![0].message).toMatch(/revoked/);

    // Renewed after the revocation, the officer's token carries no role: the directory is no longer its to keep.
    const renewal = await graph.query('mutation($r: String!) { refreshToken(refreshToken: $r) { token user { role } } }', {
      r: variables.refreshToken,
    });
    expect(renewal.body.data.refreshToken.user).toEqual({ role: null });
    const update = 'mutation($id: ID!) { updateAuthority(id: $id, input: { name: "Otro nombre" }) { name } }';
    const refused = await graph.query(update, { id: variables.authority }, as(renewal.body.data.refreshToken.token));
    expect(refused.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const after = await graph.query('{ country(code: "PE") { contactPoint { name } } }');
    expect(after.body.data.country.contactPoint.name).toBe('Comisión Multisectorial contra la Trata de Personas');
  });
});
