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

/** POSTs an operation and returns the parsed body (or the raw text when it is not JSON) and the status. */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as { data?: unknown } };
  } catch {
    return { status: response.status, body: text };
  }
}
