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

const MISSING_PART = new Set<unknown>(['SUBGRAPH_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);

/**
 * One error per missing subgraph: the query plan fetches from a subgraph once per level of the answer
 * (its root fields, then its fields on each other subgraph's entities), and each failed fetch reports the
 * same SUBGRAPH_UNAVAILABLE (a subgraph without its database, SERVICE_UNAVAILABLE once per field). The
 * client needs to learn once that the part is missing, not count its fetches. An error that stands for
 * several loses its path: it is about the subgraph, not one field of it.
 */
export function oncePerMissingPart(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const first = new Map<string, number>();
  const merged = new Set<number>();
  const kept: GraphQLFormattedError[] = [];
  for (const error of errors) {
    const code = error.extensions?.code;
    if (!MISSING_PART.has(code)) {
      kept.push(error);
      continue;
    }
    const key = `${String(code)} ${String(error.extensions?.service)}`;
    const at = first.get(key);
    if (at === undefined) first.set(key, kept.push(error) - 1);
    else merged.add(at);
  }
  return kept.map((error, i) => (merged.has(i) ? { message: error.message, extensions: error.extensions } : error));
}

/**
 * Every null the gateway propagated comes with an entry in `errors`, as GraphQL asks: a response never
 * has `data: null`, or fields nulled, without one. The client gets one masked INTERNAL_SERVER_ERROR (the
 * details, messages with paths into the answer, stay in the log with the request id: a path could tell
 * where something hidden from the viewer lies). And, before that, one error per missing subgraph
 * (oncePerMissingPart).
 */
export const valueCompletionPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        if (result.errors && result.errors.length > 1) result.errors = oncePerMissingPart(result.errors);
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
