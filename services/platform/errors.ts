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
  | 'SERVICE_UNAVAILABLE'
  | 'RESPONSE_TOO_LARGE'
  | 'CLIENT_CLOSED_REQUEST'
  | 'INTERNAL_SERVER_ERROR';

export function userError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badInput = (message: string, field?: string) => userError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (message: string) => userError('NOT_FOUND', message);
export const forbidden = (message: string) => userError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in to do this.') => userError('UNAUTHENTICATED', message);

const unavailableMessage = (service: string) => `The ${service} service is unavailable; its fields are null. Try again shortly.`;

/** A subgraph could not be reached or did not answer in time: its fields are null, the others still answer. */
export const subgraphUnavailable = (service: string) => userError('SUBGRAPH_UNAVAILABLE', unavailableMessage(service), { service });

/** The answer would be over RESPONSE_MAX_BYTES: refused rather than built. */
export const responseTooLarge = (maximumBytes: number) =>
  userError(
    'RESPONSE_TOO_LARGE',
    `The answer would be over ${maximumBytes >= 2 ** 20 ? `${+(maximumBytes / 2 ** 20).toFixed(1)} MB` : `${Math.ceil(maximumBytes / 1024)} kB`}; ask for fewer fields or smaller pages.`,
    { maximumBytes },
  );

/** The answer would hold over RESPONSE_MAX_OBJECTS objects: refused rather than built. */
export const responseTooManyObjects = (maximumObjects: number) =>
  userError('RESPONSE_TOO_LARGE', `The answer would hold over ${maximumObjects} objects; ask for fewer fields or smaller pages.`, {
    maximumObjects,
  });

/** Refuses the answer of a request while other requests' answers being built fill the room a subgraph has for them. */
export const answersInFlightFull = (maximumObjectsInFlight: number) =>
  userError(
    'RESPONSE_TOO_LARGE',
    `This service is building other large answers (${maximumObjectsInFlight} objects at most at once); ask for smaller pages, or try again shortly.`,
    { maximumObjectsInFlight },
  );

/** Ends the work of a request whose client went away before its answer was written; no one reads it. */
export const clientClosedRequest = () => userError('CLIENT_CLOSED_REQUEST', 'The client went away before the answer was written.');

const databaseMessage = (service: string) => `The ${service} service cannot use its database right now; try again shortly.`;

/**
 * A subgraph is up but its database is not (restarting, unreachable, or on SQLite locked by another
 * process past the busy timeout): what it owns fails until the database is back.
 */
export const serviceUnavailable = (service: string) => userError('SERVICE_UNAVAILABLE', databaseMessage(service), { service });

/**
 * The codes of mysql2 (and of the socket under it) that mean "the server is gone or refuses connections
 * for now", not "this statement is wrong": the pool drops the dead connection and opens a new one on the
 * next query, so the same request will succeed once the server is back. And SQLite's "locked for now".
 */
const DATABASE_GONE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
  // better-sqlite3: another process (a backup, generate-data) held the file's write lock longer than the
  // busy timeout, or committed between this transaction's first read and its first write. Nothing of
  // the refused statement was written; the same request succeeds once the other writer is done.
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
]);

/**
 * Whether an error, or one it wraps, says the database is gone: TypeORM's driverError, a GraphQL error's
 * originalError, graphql-js's thrownValue (mysql2's pool rejects with an object that is not an Error).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, fatal, driverError, originalError, thrownValue, cause } = error as Record<string, unknown>;
  if (typeof code === 'string' && DATABASE_GONE_CODES.has(code)) return true;
  // mysql2 marks every error of a connection that is gone `fatal`, the codeless ones too: a statement sent on
  // a connection that died between two statements of a transaction gets "Can't add new command when
  // connection is in closed state", with no code.
  if (fatal === true) return true;
  return [driverError, originalError, thrownValue, cause].some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}

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
  // An answer over RESPONSE_MAX_BYTES; the work of a request whose client went away (no one reads it).
  'RESPONSE_TOO_LARGE',
  'CLIENT_CLOSED_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // Trusted documents (gateway/trusted-documents.ts): an id no manifest registers; an operation sent as text where only ids run.
  'PERSISTED_QUERY_NOT_IN_LIST',
  'PERSISTED_QUERY_ID_REQUIRED',
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
  if ((code === 'SUBGRAPH_UNAVAILABLE' || code === 'SERVICE_UNAVAILABLE') && KNOWN_SERVICES.has(service)) {
    return {
      message: code === 'SUBGRAPH_UNAVAILABLE' ? unavailableMessage(service as string) : databaseMessage(service as string),
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
