import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * A request naming an operation its document does not hold is the client's mistake (GraphiQL sends the
 * name of a tab's former operation after an edit): 400 with BAD_REQUEST, where Apollo's gateway would
 * throw and answer 500.
 */
export function operationNamePlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, request }) => {
        if (operation) return;
        const message = request.operationName
          ? `Unknown operation named "${request.operationName}".`
          : 'The document holds several operations: name the one to run (operationName).';
        throw new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      },
    }),
  };
}
