import { getOperationAST, GraphQLError, GraphQLSchema, OperationTypeNode, parse, validate, type DocumentNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { nonFiniteNumber } from '../../services/platform/finite-numbers';
import { measureOperation, overLimitError, type OperationLimits as EdgeLimits } from '../../services/platform/operation-limits';

/** What a client sends to subscribe, whatever the transport (graphql-ws today; SSE, multipart HTTP). */
export interface SubscriptionPayload {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** A subscription checked against the API schema, with its variables coerced. */
export interface CheckedSubscription {
  query: string;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

const refuse = (message: string) => [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } })];

/**
 * The error as a query's would be coded (graphql-js leaves parse and validation errors without a code),
 * without the `http` extension, which means nothing on a socket.
 */
const coded = (code: string) => (error: GraphQLError) => {
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...extensions, code: extensions.code ?? code } });
};

/**
 * Checks a subscription as the gateway checks a query (parse, validation against the API schema, a
 * number out of range, the edge's depth, alias and cost limits, variables). Knows no field: what a subscription's arguments
 * mean is for the subgraph that owns it to check. Errors come back as a list, so that the transport
 * refuses this subscription alone.
 */
export function checkSubscription(
  schema: GraphQLSchema,
  payload: SubscriptionPayload,
  limits: EdgeLimits,
): CheckedSubscription | readonly GraphQLError[] {
  if (typeof payload.query !== 'string') return refuse('Send the subscription as `query`.');
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: limits.maxTokens });
  } catch (error) {
    return [coded('GRAPHQL_PARSE_FAILED')(error as GraphQLError)];
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return invalid.map(coded('GRAPHQL_VALIDATION_FAILED'));
  const operationName = payload.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) return refuse('Name the operation to run (operationName).');
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    return refuse('Only subscriptions go over this socket; send queries and mutations as HTTP POST to /graphql.');
  }
  const outOfRange = nonFiniteNumber(document);
  if (outOfRange) return [coded('BAD_USER_INPUT')(outOfRange)];
  const variables = payload.variables ?? {};
  const overLimit = overLimitError(measureOperation(schema, document, operation, variables), limits);
  if (overLimit) return [coded('QUERY_TOO_COMPLEX')(overLimit)];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return coerced.errors.map(coded('BAD_USER_INPUT'));
  return { query: payload.query, document, operationName, variables: coerced.coerced };
}
