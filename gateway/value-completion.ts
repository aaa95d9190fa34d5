import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { maskError } from '../services/platform/errors';
import type { GatewayContext } from './context';

/**
 * Where @apollo/gateway puts what it nulled itself: when no subgraph reported an error but a value the
 * subgraphs gave does not fit the schema (a null entity in a list of non-null ones, a field missing),
 * it nulls up to the nearest nullable parent, `data` included, and reports it under this extension only.
 */
const VALUE_COMPLETION = 'valueCompletion';

/**
 * One SUBGRAPH_UNAVAILABLE per missing subgraph: the query plan fetches from a subgraph once per level of
 * the answer (its root fields, then its fields on each other subgraph's entities), and each failed fetch
 * reports the same error. The client needs to learn once that the subgraph is down, not count its fetches.
 */
export function onceEachUnavailable(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const seen = new Set<unknown>();
  return errors.filter((error) => {
    if (error.extensions?.code !== 'SUBGRAPH_UNAVAILABLE') return true;
    const service = error.extensions.service;
    if (seen.has(service)) return false;
    seen.add(service);
    return true;
  });
}

/**
 * Every null the gateway propagated comes with an entry in `errors`, as GraphQL asks: a response never
 * has `data: null`, or fields nulled, without one. The client gets one masked INTERNAL_SERVER_ERROR (the
 * details, messages with paths into the answer, stay in the log with the request id: a path could tell
 * where something hidden from the viewer lies).
 */
export const valueCompletionPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        if (result.errors && result.errors.length > 1) result.errors = onceEachUnavailable(result.errors);
        const { [VALUE_COMPLETION]: completion, ...extensions } = result.extensions ?? {};
        const unexplainedNull = result.data === null && !result.errors?.length;
        if (completion === undefined && !unexplainedNull) return;
        contextValue.log.error(
          { valueCompletion: completion, data: result.data === null ? null : 'partial' },
          'the gateway nulled values without an error',
        );
        result.extensions = Object.keys(extensions).length > 0 ? extensions : undefined;
        if (!result.errors?.length)
          result.errors = [maskError({ message: 'value completion', extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
      },
    };
  },
};
