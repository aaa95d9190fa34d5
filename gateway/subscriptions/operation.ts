import {
  getOperationAST,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { normalizeCountryCode } from '../../services/kit/countries';
import { MAX_QUERY_DEPTH, operationDepth } from '../depth';
import type { SubscriptionRequest } from './hub';
import { eventQueryOf, SUBSCRIPTION_FIELD } from './rewrite';

const refuse = (message: string, code = 'BAD_USER_INPUT') => [new GraphQLError(message, { extensions: { code } })];

/**
 * Checks a subscription as the gateway would a query (parse, validation against the API schema, depth,
 * variables, filter) and prepares what the hub needs. Errors come back as a list, so graphql-ws answers
 * with an `error` message for this subscription and the socket stays up.
 */
export function prepareSubscription(
  schema: GraphQLSchema,
  payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null },
  authorization: string | null,
): { request: SubscriptionRequest; document: DocumentNode } | readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: 5000 });
  } catch (error) {
    return [error as GraphQLError];
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return invalid;
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return refuse('Name the operation to run (operationName).');
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    return refuse('Only subscriptions go over this socket; send queries and mutations as HTTP POST to /graphql.');
  }
  if (operationDepth(document, operation) > MAX_QUERY_DEPTH) {
    return refuse(`The operation is nested deeper than ${MAX_QUERY_DEPTH} levels.`);
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
  if (coerced.errors) return coerced.errors;
  const field = operation.selectionSet.selections.find(
    (selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === SUBSCRIPTION_FIELD,
  );
  if (!field) return refuse(`Subscribe to ${SUBSCRIPTION_FIELD}.`);
  const definition = schema.getSubscriptionType()!.getFields()[SUBSCRIPTION_FIELD];
  const args = getArgumentValues(definition, field, coerced.coerced) as {
    filter?: { country?: string | null; kinds?: string[] | null; after?: string | null } | null;
  };
  const filter = args.filter ?? {};
  const country = filter.country ? normalizeCountryCode(filter.country) : null;
  if (filter.country && !country) return refuse(`"${filter.country.slice(0, 10)}" is not the ISO code of an OAS Member State.`);
  if (filter.after != null && !/^\d{1,15}$/.test(filter.after)) return refuse('`after` is the id of an event, e.g. "42".');
  return {
    document,
    request: {
      query: eventQueryOf(document, payload.operationName),
      responseKey: field.alias?.value ?? SUBSCRIPTION_FIELD,
      variables: coerced.coerced,
      authorization,
      filter: { country, kinds: filter.kinds?.length ? filter.kinds : null },
      after: filter.after != null ? Number(filter.after) : null,
    },
  };
}
