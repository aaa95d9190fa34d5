import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { SUBGRAPHS } from './config';

/** The error codes a client may see, besides the GraphQL validation codes. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'TOO_MANY_ATTEMPTS'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export function userError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badInput = (message: string, field?: string) =>
  userError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (message: string) => userError('NOT_FOUND', message);
export const forbidden = (message: string) => userError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in to do this.') => userError('UNAUTHENTICATED', message);

const unavailableMessage = (service: string) => `The ${service} service is unavailable; its fields are null. Try again shortly.`;

/** A subgraph could not be reached or did not answer in time: its fields are null, the others still answer. */
export const subgraphUnavailable = (service: string) => userError('SUBGRAPH_UNAVAILABLE', unavailableMessage(service), { service });

/** Codes that Apollo Server itself gives to errors a client caused (parse, validation, bad variables). */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TOO_MANY_ATTEMPTS',
  // The gateway's edge (gateway/edge.ts): an operation over a limit; too many mutations from an address.
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
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

const KNOWN_SERVICES: ReadonlySet<unknown> = new Set(SUBGRAPHS);

/**
 * Masks every error a client did not cause: the client gets a generic message (the request id is in
 * the response header and in the log, where the original is written with its stack by the server's
 * error-logging plugin). No SQL or stack trace ever reaches a client.
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  // Not the client's doing, but the client must know which part is missing. Rebuilt from the service
  // name alone, so that no message, address or cause of whoever raised it can pass.
  const service = formatted.extensions?.service;
  if (code === 'SUBGRAPH_UNAVAILABLE' && KNOWN_SERVICES.has(service)) {
    return {
      message: unavailableMessage(service as string),
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code, service },
    };
  }
  if (isClientError(code)) {
    // `response` is what @apollo/gateway attaches to a subgraph's 4xx: the subgraph's URL and raw body.
    const { stacktrace: _stack, exception: _exception, response: _response, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
