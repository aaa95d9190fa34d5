import type { GraphProcesses } from '../bench/processes';
import { post, type Attack } from './attack';

/** Issue 15, item 1: a heavy request through the gateway that its client abandons; does the subgraph stop? */

const ORGANIZATIONS = 40;

/** Country → organizations → country ... 5 lists deep: 40^5 organizations for a member of 40 in one country. */
const NESTED =
  '{ country(code: "GT") { organizations { name country { organizations { name country { organizations { name ' +
  'country { organizations { name country { organizations { name } } } } } } } } } } }';

async function signUp(url: string): Promise<string> {
  const input = { email: `abandon.${Date.now()}@redteam.example`, password: 'a long enough password', name: 'Abandoner' };
  const { body } = await post(url, 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: input });
  const token = typeof body === 'object' ? (body.data as { signUp?: { token: string } } | undefined)?.signUp?.token : undefined;
  if (!token) throw new Error(`sign-up failed: ${JSON.stringify(body).slice(0, 200)}`);
  return token;
}

const abandoned: Attack = {
  name: 'abandoned',
  summary: `item 1: a member of ${ORGANIZATIONS} PENDING organizations in GT asks country → organizations 5 deep, abandons it after 3 s, 3 times`,
  target: 'organizations',
  run: async ({ gatewayUrl: url }: GraphProcesses, log) => {
    const token = await signUp(url);
    const auth = { authorization: `Bearer ${token}` };
    const register = 'mutation($i: OrganizationInput!) { registerOrganization(input: $i) { id } }';
    for (let i = 0; i < ORGANIZATIONS; i += 1) {
      await post(url, register, { i: { name: `Organización abandonada ${i}`, kind: 'NGO', country: 'GT' } }, auth);
    }
    log(`${ORGANIZATIONS} organizations registered`);
    const seen: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const started = Date.now();
      const outcome = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ query: NESTED }),
        signal: AbortSignal.timeout(3000),
      }).then(
        async (response) => `${response.status} ${(await response.text()).slice(0, 120)}`,
        () => 'abandoned',
      );
      seen.push(`${outcome} after ${Date.now() - started} ms`);
      log(seen[seen.length - 1]);
      // The runner probes the subgraph meanwhile: does it come back, or keep building what no one reads?
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
    return seen.join('; ');
  },
};

export const ABANDONED_ATTACKS: Attack[] = [abandoned];
