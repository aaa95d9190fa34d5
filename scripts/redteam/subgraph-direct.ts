import type { GraphProcesses } from '../bench/processes';
import type { Attack } from './attack';

/** Issue 15, items 3 and 1: what reaches a subgraph straight, and work the gateway abandoned. */

interface Outcome {
  status: number;
  bytes: number;
  code?: string;
}

/** POSTs and reads the whole answer, giving up after `timeoutMs` or when `abandonAfterMs` has passed. */
async function send(
  url: string,
  query: string,
  options: { token?: string; timeoutMs?: number; abandonAfterMs?: number } = {},
): Promise<Outcome | string> {
  const signal = AbortSignal.timeout(options.abandonAfterMs ?? options.timeoutMs ?? 60_000);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      body: JSON.stringify({ query }),
      signal,
    });
    const text = await response.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
    } catch {
      code = 'not JSON';
    }
    return { status: response.status, bytes: Buffer.byteLength(text), code };
  } catch (error) {
    return signal.aborted ? (options.abandonAfterMs ? 'abandoned' : 'no answer in time') : (error as Error).message;
  }
}

const show = (outcome: Outcome | string, ms: number) =>
  typeof outcome === 'string'
    ? `${outcome} after ${ms} ms`
    : `${outcome.status} ${outcome.code ?? `${(outcome.bytes / 2 ** 20).toFixed(1)} MB`} in ${ms} ms`;

/** `levels` times organization → services under the root page's nodes. */
function nestedServices(levels: number): string {
  const fields = Array.from({ length: 2 * levels }, (_, field) => (field % 2 === 0 ? 'organization' : 'services'));
  return `{ services(first: 100) { nodes { name ${fields.map((field) => `${field} { name `).join('')}${' }'.repeat(2 * levels)} } } }`;
}

const subgraphDirect: Attack = {
  name: 'subgraph-direct',
  summary: 'item 3: anonymous POSTs straight to the organizations subgraph: services → organization → services 4, 8, 12 deep, 200 aliases',
  target: 'organizations',
  run: async ({ subgraphUrls }: GraphProcesses, log) => {
    const url = subgraphUrls.organizations;
    const results: string[] = [];
    for (const levels of [4, 8, 12]) {
      const started = Date.now();
      const outcome = await send(url, nestedServices(levels), { timeoutMs: 60_000 });
      results.push(`${levels} deep: ${show(outcome, Date.now() - started)}`);
      log(results[results.length - 1]);
    }
    const aliases = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: services(first: 100) { nodes { organization { services { name } } } }`).join(' ')} }`;
    const started = Date.now();
    results.push(`200 aliases: ${show(await send(url, aliases, { timeoutMs: 60_000 }), Date.now() - started)}`);
    return results.join('; ');
  },
};

export const SUBGRAPH_DIRECT_ATTACKS: Attack[] = [subgraphDirect];
