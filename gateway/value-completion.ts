import type { ApolloServerPlugin } from '@apollo/server';
import { maskError } from '../services/platform/errors';
import type { GatewayContext } from './context';

/**
 * Where @apollo/gateway puts what it nulled itself: when no subgraph reported an error but a value the
 * subgraphs gave does not fit the schema (a null entity in a list of non-null ones, a field missing),
 * it nulls up to the nearest nullable parent, `data` included, and reports it under this extension only.
 */
const VALUE_COMPLETION = 'valueCompletion';

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
