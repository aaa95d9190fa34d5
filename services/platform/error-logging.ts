import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { isClientError, isDatabaseUnavailable } from './errors';
import type { Logger } from './logger';

/**
 * Logs every error that maskError hides from the client, with the request's logger (so with its request
 * id): the client sees "Internal server error" and the id in the x-request-id header; the log has the
 * cause and its stack. A client's own mistakes (parse, validation, bad input) are not logged: they are
 * in the answer. A subgraph or a database that is gone is a `warn`, without a stack: the client is told
 * (SUBGRAPH_UNAVAILABLE, SERVICE_UNAVAILABLE), and an outage must not write a stack per request.
 * Also for errors raised before the context exists (a literal the planner cannot serialize): then the
 * server's logger is used, with the request id from the request's header if the gateway gave one.
 */
export function errorLoggingPlugin<C extends BaseContext & { log?: Logger }>(serverLog: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors, contextValue: context }) {
          const log = context?.log ?? contextValue?.log ?? serverLog;
          for (const error of errors) {
            if (isClientError(error.extensions?.code)) continue;
            const cause = error.originalError ?? error;
            const code = error.extensions?.code;
            if (code === 'SUBGRAPH_UNAVAILABLE' || code === 'SERVICE_UNAVAILABLE') {
              log.warn({ code, service: error.extensions?.service, path: error.path }, 'service unavailable');
            } else if (isDatabaseUnavailable(cause)) log.warn({ err: cause, path: error.path }, 'database unavailable');
            else log.error({ err: cause, path: error.path }, 'internal error');
          }
        },
      };
    },
  };
}
