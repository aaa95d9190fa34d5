import type { GraphProcesses } from '../bench/processes';

/**
 * One attack of the red-team replay (scripts/redteam.ts): what a hostile client does, replayed against a
 * graph started for it. The runner probes the graph and samples every process's RSS while it runs.
 */
export interface Attack {
  /** Short name, for --only: e.g. "nested-lists". */
  name: string;
  /** The item of the hardening issue it replays, and what it does, in one line. */
  summary: string;
  /** Settings the graph needs for this replay (e.g. a lower limit), as environment variables. */
  env?: Record<string, string>;
  /**
   * The process the attack aims at: the runner's probe asks it directly (a subgraph's own /graphql, or
   * the gateway), so a stall shows where it happens.
   */
  target: 'gateway' | 'accounts' | 'authorities' | 'organizations' | 'practices' | 'agreements' | 'workplan';
  /**
   * Runs the attack to its end (bounded in time); returns what the attacker saw, in one line. `logs`
   * gives the lines a process has written so far (stdout and stderr; LOG_LEVEL=warn).
   */
  run: (graph: GraphProcesses, log: (line: string) => void, logs: (process: string) => string[]) => Promise<string>;
}

/** A GraphQL answer as the attacks read it. */
export interface Answer<T = unknown> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** The Authorization header of a token, or none. */
export const bearer = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/**
 * POSTs an operation and returns the parsed body (or the raw text when it is not JSON) and the status;
 * with `timeoutMs`, gives up (rejects) once that has passed.
 */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  timeoutMs?: number,
): Promise<{ status: number; body: Answer | string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as { data?: unknown } };
  } catch {
    return { status: response.status, body: text };
  }
}

/** The data of an answer that must have some: the attack stops with the first error otherwise. */
export async function data<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const { body } = await post(url, query, variables, bearer(token));
  if (typeof body === 'string') throw new Error(`not JSON: ${body.slice(0, 80)}`);
  if (!body.data) throw new Error(body.errors?.[0]?.message ?? 'no data');
  return body.data as T;
}

/** Signs a new user up and returns its token. */
export async function signUp(url: string, name: string): Promise<string> {
  const account = {
    email: `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@redteam.example`,
    password: 'a long enough password',
    name,
  };
  const query = 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }';
  return (await data<{ signUp: { token: string } }>(url, query, { i: account })).signUp.token;
}

/**
 * Signs a user up and has it register `count` organizations in GT, PENDING but visible to their member
 * (the attacks of issue 15, item 1); returns its token.
 */
export async function memberOfMany(url: string, count: number, name: string, log: (line: string) => void): Promise<string> {
  const token = await signUp(url, name);
  const register = 'mutation($i: OrganizationInput!) { registerOrganization(input: $i) { id } }';
  for (let i = 0; i < count; i += 1) {
    await data(url, register, { i: { name: `${name} ${String(i).padStart(2, '0')}`, kind: 'NGO', country: 'GT' } }, token);
  }
  log(`${count} organizations registered in GT`);
  return token;
}
