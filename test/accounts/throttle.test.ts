import { accountsSubgraph } from '../../services/accounts/subgraph';
import { User } from '../../services/accounts/entities/user.entity';
import { hashPassword } from '../../services/accounts/passwords';
import { newId } from '../../services/kit/ids';
import { startSubgraph } from '../../services/kit/subgraph';
import { cleanUp, testConfig } from '../helpers/config';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const PASSWORD = 'correct horse battery';

type Answer = { data?: { login: { token: string } } | null; errors?: { extensions: { code: string } }[] };

/** Straight to the accounts subgraph over HTTP, as an attacker who can reach it would. */
async function startAccounts(overrides: Record<string, string> = {}) {
  const config = await testConfig(overrides);
  const subgraph = await startSubgraph(accountsSubgraph, config, 0);
  const login = async (email: string, password: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
    });
    return (await response.json()) as Answer;
  };
  const addUser = async (email: string) =>
    subgraph.db.getRepository(User).insert(
      Object.assign(new User(), {
        id: newId(),
        email,
        name: 'Target',
        passwordHash: await hashPassword(PASSWORD),
        role: null,
        countryCode: null,
        authorityId: null,
      }),
    );
  const stop = async () => {
    await subgraph.stop();
    await cleanUp(config);
  };
  return { subgraph, login, addUser, stop };
}

const codeOf = (answer: Answer) => (answer.errors ? answer.errors[0].extensions.code : 'SIGNED_IN');

describe('the sign-in throttle, straight to the accounts subgraph', () => {
  describe('with the default limit (5)', () => {
    let accounts: Awaited<ReturnType<typeof startAccounts>>;
    beforeAll(async () => {
      accounts = await startAccounts();
      await accounts.addUser('target@example.org');
      await accounts.addUser('other@example.org');
    });
    afterAll(() => accounts.stop());

    it('cannot be raced: of 150 concurrent logins (149 wrong, the right one last) at most 5 check a password, the rest and the right one get TOO_MANY_ATTEMPTS', async () => {
      const guesses = Array.from({ length: 149 }, (_, i) => `wrong guess number ${i}`);
      const answers = await Promise.all([...guesses, PASSWORD].map((password) => accounts.login('target@example.org', password)));
      const codes = answers.map(codeOf);
      const unauthenticated = codes.filter((code) => code === 'UNAUTHENTICATED').length;
      expect(unauthenticated).toBeGreaterThan(0);
      expect(unauthenticated).toBeLessThanOrEqual(5);
      expect(codes.filter((code) => code === 'TOO_MANY_ATTEMPTS').length).toBe(150 - unauthenticated);
      expect(codes[149]).toBe('TOO_MANY_ATTEMPTS');
      expect(codes).not.toContain('SIGNED_IN');
    });

    it('still refuses the right password afterwards, from that address', async () => {
      expect(codeOf(await accounts.login('target@example.org', PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    });

    it('throttles one e-mail only: another account signs in from the same address', async () => {
      expect(codeOf(await accounts.login('other@example.org', PASSWORD))).toBe('SIGNED_IN');
    });

    it('lets the owner in from another address, named by a gateway (a peer in GATEWAY_ADDRESSES)', async () => {
      expect(codeOf(await accounts.login('target@example.org', PASSWORD, { 'x-client-address': '198.51.100.7' }))).toBe('SIGNED_IN');
    });

    it('answers an e-mail that NFKC makes longer than any column as a wrong one', async () => {
      expect(codeOf(await accounts.login(`${'\ufdfa'.repeat(200)}@example.org`, PASSWORD))).toBe('UNAUTHENTICATED');
    });

    it('forgives the failures of that address once the owner signs in from it', async () => {
      const at = { 'x-client-address': '198.51.100.8' };
      for (let i = 0; i < 4; i += 1)
        expect(codeOf(await accounts.login('target@example.org', `guess ${i} again!`, at))).toBe('UNAUTHENTICATED');
      expect(codeOf(await accounts.login('target@example.org', PASSWORD, at))).toBe('SIGNED_IN');
      for (let i = 0; i < 5; i += 1)
        expect(codeOf(await accounts.login('target@example.org', `guess ${i} once more!`, at))).toBe('UNAUTHENTICATED');
      expect(codeOf(await accounts.login('target@example.org', PASSWORD, at))).toBe('TOO_MANY_ATTEMPTS');
    });
  });

  describe('from a peer that is not a gateway', () => {
    let accounts: Awaited<ReturnType<typeof startAccounts>>;
    beforeAll(async () => {
      // Loopback is not a gateway here: the address this test connects from is the one throttled.
      accounts = await startAccounts({ GATEWAY_ADDRESSES: '192.0.2.1', LOGIN_MAX_FAILURES: '3' });
      await accounts.addUser('target@example.org');
    });
    afterAll(() => accounts.stop());

    it('ignores the x-client-address it sends: naming another address does not escape LOGIN_MAX_FAILURES', async () => {
      for (let i = 0; i < 3; i += 1) {
        const answer = await accounts.login('target@example.org', `wrong guess ${i}!`, { 'x-client-address': `203.0.113.${i}` });
        expect(codeOf(answer)).toBe('UNAUTHENTICATED');
      }
      const spoofed = await accounts.login('target@example.org', PASSWORD, { 'x-client-address': '203.0.113.99' });
      expect(codeOf(spoofed)).toBe('TOO_MANY_ATTEMPTS');
    });
  });
});
