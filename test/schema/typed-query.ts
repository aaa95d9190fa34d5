import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';

/**
 * A front-end's smallest typed client: the answer's type is the operation's, from the typed document
 * schema/client/ holds, so `tsc` rejects a read of a field the operation does not select.
 */
export async function typedQuery<TResult, TVariables extends Record<string, unknown>>(
  url: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
): Promise<ExecutionResult<TResult>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as ExecutionResult<TResult>;
}
