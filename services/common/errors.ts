import { GraphQLError, GraphQLFormattedError } from 'graphql';

/** The error codes a client may see, besides the GraphQL validation codes. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'TOO_MANY_ATTEMPTS'
  | 'INTERNAL_SERVER_ERROR';

export function userError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badInput = (message: string, field?: string) =>
  userError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (message: string) => userError('NOT_FOUND', message);
export const forbidden = (message: string) => userError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in to do this.') => userError('UNAUTHENTICATED', message);

/** Codes that Apollo Server itself gives to errors a client caused (parse, validation, bad variables). */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TOO_MANY_ATTEMPTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function isClientError(code: unknown): boolean {
  return typeof code === 'string' && CLIENT_CODES.has(code);
}

/**
 * Masks every error a client did not cause: the client gets a generic message (the request id is in
 * the response header and in the log, where the original is written with its stack by the server's
 * error-logging plugin). No SQL or stack trace ever reaches a client.
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isClientError(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
