import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** The request errors GraphQL over HTTP answers with 200 to a client that accepts only application/json. */
const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * GraphQL over HTTP: a document that does not parse or validate, or variables that do not coerce, get
 * 400 when the client accepts application/graphql-response+json (Apollo Server's answer), but 200 when it
 * names only application/json, whose older clients read errors from the body of a 200 alone.
 */
export function jsonStatusPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    requestDidStart: async ({ request }) => ({
      willSendResponse: async ({ response, errors }) => {
        if (response.http.status !== 400 || !errors?.length) return;
        // Only a client that names application/json and not the newer type: `*/*` or none keeps Apollo Server's 400.
        const accept = request.http?.headers.get('accept') ?? '';
        if (!accept.includes('application/json') || accept.includes('application/graphql-response+json')) return;
        if (errors.every((error) => REQUEST_ERRORS.has(String(error.extensions?.code)))) response.http.status = 200;
      },
    }),
  };
}
