import type { GraphProcesses } from '../bench/processes';
import { bearer, memberOfMany, type Attack } from './attack';

/** Issue 15, item 1: a heavy request through the gateway that its client abandons; does the subgraph stop? */

const ORGANIZATIONS = 40;

/** Country → organizations → country ... 5 lists deep: 40^5 organizations for a member of 40 in one country. */
const NESTED =
  '{ country(code: "GT") { organizations { name country { organizations { name country { organizations { name ' +
  'country { organizations { name country { organizations { name } } } } } } } } } } }';

/** What the edge accepts (each build prices it its own way): organizations → country → organizations, 3 lists deep. */
const WIDE = '{ organizations(first: 100) { nodes { name country { organizations { name country { organizations { name } } } } } } }';

/** Sends `query` from `clients` clients at once, each leaving after `ms`; how many were answered before. */
async function burst(url: string, query: string, auth: Record<string, string>, clients: number, ms: number): Promise<number> {
  const answered = await Promise.all(
    Array.from({ length: clients }, () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout(ms),
      }).then(
        // Headers may come in time and the body not: that client leaves too.
        (response) =>
          response.text().then(
            () => 1,
            () => 0,
          ),
        () => 0,
      ),
    ),
  );
  return answered.reduce<number>((sum, one) => sum + one, 0);
}

const abandoned: Attack = {
  name: 'abandoned',
  summary: `item 1: a member of ${ORGANIZATIONS} PENDING organizations in GT asks country → organizations 5 deep and leaves after 3 s, twice`,
  target: 'organizations',
  run: async ({ gatewayUrl: url }: GraphProcesses, log) => {
    const auth = bearer(await memberOfMany(url, ORGANIZATIONS, 'Organización abandonada', log));
    const seen: string[] = [];
    for (let round = 0; round < 2; round += 1) {
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

const abandonedWide: Attack = {
  name: 'abandoned-wide',
  summary: `item 1: the same member, 10 clients at once ask organizations → country → organizations (what the edge accepts) and leave after 300 ms, 5 times`,
  target: 'organizations',
  run: async ({ gatewayUrl: url }: GraphProcesses, log) => {
    const auth = bearer(await memberOfMany(url, ORGANIZATIONS, 'Organización abandonada', log));
    let answered = 0;
    for (let round = 0; round < 5; round += 1) {
      answered += await burst(url, WIDE, auth, 10, 300);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    return `${answered} of 50 requests answered within 300 ms, the others abandoned`;
  },
};

export const ABANDONED_ATTACKS: Attack[] = [abandoned, abandonedWide];
