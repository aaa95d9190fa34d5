import { userError } from '../platform/errors';

/**
 * Asks another subgraph over HTTP, on behalf of the same caller (its Authorization header is passed on,
 * so the other subgraph applies its own access rules). Used where a rule of one subgraph depends on data
 * another one owns, e.g. "a member of a VERIFIED organization".
 */
export async function querySubgraph<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: { authorization: string | null; requestId: string },
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-request-id': headers.requestId,
      ...(headers.authorization ? { authorization: headers.authorization } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(5000),
  }).catch(() => null);
  const body = response ? ((await response.json().catch(() => null)) as { data?: T; errors?: unknown[] } | null) : null;
  if (!body?.data || body.errors) {
    throw userError('INTERNAL_SERVER_ERROR', `A subgraph this operation depends on (${url}) did not answer.`);
  }
  return body.data;
}
