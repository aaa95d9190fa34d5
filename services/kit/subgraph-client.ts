import { userError, type ErrorCode } from '../platform/errors';

/**
 * Asks another subgraph over HTTP, on behalf of the same caller (its Authorization header is passed on,
 * so the other subgraph applies its own access rules). Used where a rule of one subgraph depends on data
 * another one owns, e.g. "a member of a VERIFIED organization". An error of the other subgraph whose code is
 * in `passOn` (e.g. its throttle's TOO_MANY_ATTEMPTS) reaches the caller as it is; any other is a failure.
 */
export async function querySubgraph<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: { authorization: string | null; requestId: string },
  passOn: readonly ErrorCode[] = [],
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
  const body = response ? ((await response.json().catch(() => null)) as SubgraphAnswer<T> | null) : null;
  const error = body?.errors?.[0];
  const code = error?.extensions?.code as ErrorCode | undefined;
  if (error && code && passOn.includes(code)) throw userError(code, error.message ?? code, { ...error.extensions, code });
  if (!body?.data || body.errors) {
    throw userError('INTERNAL_SERVER_ERROR', `A subgraph this operation depends on (${url}) did not answer.`);
  }
  return body.data;
}

interface SubgraphAnswer<T> {
  data?: T | null;
  errors?: { message?: string; extensions?: Record<string, unknown> }[];
}
