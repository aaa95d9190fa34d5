import type { GraphProcesses } from '../bench/processes';
import { bearer, memberOfMany, post, type Attack } from './attack';

/** The attack of issue 15, item 1: one member's organizations, listed inside their country five levels deep. */

const REGISTERED = 40;
/** The attack's own bound: a graph that does not answer by then is reported as such. */
const TIMEOUT_MS = 30_000;

/** `{ country(code:"GT") { organizations { name country { organizations { ... } } } } }`, `levels` lists deep. */
function nested(levels: number, args = ''): string {
  let selection = `organizations${args} { name }`;
  for (let level = 1; level < levels; level += 1) selection = `organizations${args} { name country { ${selection} } }`;
  return `{ country(code: "GT") { ${selection} } }`;
}

/** How many organizations an answer of `nested` lists over all its levels. */
function countListed(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countListed(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  const { organizations, ...rest } = value as Record<string, unknown>;
  const here = Array.isArray(organizations) ? organizations.length + countListed(organizations) : 0;
  return here + Object.values(rest).reduce((sum: number, item) => sum + countListed(item), 0);
}

async function outcome(url: string, query: string, token: string): Promise<string> {
  const started = Date.now();
  try {
    const { status, body: answer } = await post(url, query, {}, bearer(token), TIMEOUT_MS);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const body =
      typeof answer === 'string' ? { data: null, errors: [{ message: `not JSON: ${answer.slice(0, 80)}`, extensions: {} }] } : answer;
    const error = body.errors?.[0];
    const code = error ? JSON.stringify(error.extensions?.code ?? error.message.slice(0, 60)) : 'no error';
    const cost = error?.extensions?.actual === undefined ? '' : ` (cost ${JSON.stringify(error.extensions.actual)})`;
    return `HTTP ${status} ${code}${cost}, ${countListed(body.data)} organizations listed, ${seconds} s`;
  } catch (error) {
    return `no answer after ${((Date.now() - started) / 1000).toFixed(1)} s (${(error as Error).name})`;
  }
}

/** How long after the attack the organizations subgraph is watched for its recovery. */
const RECOVERY_MS = 60_000;

/**
 * Seconds until the organizations subgraph answers a small query within a second again (the gateway gives
 * up on the attack's query after its timeout; the subgraph may work on), or null if it does not by RECOVERY_MS.
 */
async function recovery(subgraphUrl: string): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < RECOVERY_MS) {
    const asked = Date.now();
    try {
      const response = await fetch(subgraphUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
        signal: AbortSignal.timeout(1000),
      });
      if (response.ok) return (Date.now() - started) / 1000;
    } catch {
      // Not answering yet (or down): ask again.
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - asked))));
  }
  return null;
}

const nestedLists: Attack = {
  name: 'nested-lists',
  summary: 'item 1: a member registers 40 organizations in GT, then lists them inside their country five levels deep',
  target: 'organizations',
  run: async ({ gatewayUrl: url, subgraphUrls }: GraphProcesses, log) => {
    const token = await memberOfMany(url, REGISTERED, 'Lista', log);
    log('sending the five-level query');
    const unbounded = await outcome(url, nested(5), token);
    log(`five levels, no first: ${unbounded}`);
    const recovered = await recovery(subgraphUrls.organizations);
    const after =
      recovered === null ? `organizations not answering ${RECOVERY_MS / 1000} s later` : `organizations answering after ${recovered} s`;
    log(after);
    const paged = await outcome(url, nested(5, '(first: 3)'), token);
    // Near the cost limit: 64,000 organizations, about the largest answer of this shape the edge lets through.
    const widest = await outcome(url, nested(3, `(first: ${REGISTERED})`), token);
    return `five levels without first: ${unbounded}, ${after}; first: 3 at each of five levels: ${paged}; first: ${REGISTERED} at each of three: ${widest}`;
  },
};

export const LIST_ATTACKS: Attack[] = [nestedLists];
