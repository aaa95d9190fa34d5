import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { Supergraph } from '@apollo/federation-internals';
import type { ExecutionResult } from 'graphql';
import type { Logger } from '../../services/platform/logger';
import type { GatewayContext } from '../context';
import { EventLog } from './event-log';
import { EventFeed } from './feed';
import { EventHub, type SubscriptionRequest } from './hub';
import { EVENT_ID_VARIABLE } from './rewrite';
import { attachSubscriptions, type SubscriptionLimits } from './server';

export interface LiveFeedOptions {
  server: http.Server;
  apollo: ApolloServer<GatewayContext>;
  supergraphSdl: string;
  agreementsUrl: string;
  jwtSecret: string;
  log: Logger;
  pollIntervalMs?: number;
  limits?: Partial<SubscriptionLimits>;
}

/**
 * The live feed of agreements on the gateway's endpoint: the agreements subgraph's event log is polled
 * once per gateway, and each event's selection is resolved by this gateway's own query pipeline (query
 * planning, every subgraph, the subscriber's token), once per group of identical subscriptions.
 */
export function startLiveFeed(options: LiveFeedOptions): { stop: () => Promise<void>; hub: EventHub } {
  const schema = Supergraph.build(options.supergraphSdl).apiSchema().toGraphQLJSSchema();
  const eventLog = new EventLog(options.agreementsUrl, options.jwtSecret);
  const feed = new EventFeed(eventLog, options.log, options.pollIntervalMs);

  const execute = async (request: SubscriptionRequest, eventId: number): Promise<ExecutionResult | null> => {
    const requestId = randomUUID();
    const response = await options.apollo.executeOperation(
      { query: request.query, variables: { ...request.variables, [EVENT_ID_VARIABLE]: String(eventId) } },
      { contextValue: { requestId, authorization: request.authorization, log: options.log.child({ requestId }) } },
    );
    if (response.body.kind !== 'single') throw new Error('unexpected incremental result');
    const { data, errors } = response.body.singleResult;
    // null: the event does not match the filter, or this subscriber may not see it.
    if (!errors && (!data || data[request.responseKey] === null)) return null;
    return { data, errors } as ExecutionResult;
  };

  const hub = new EventHub(feed, eventLog, execute);
  const sockets = attachSubscriptions({
    server: options.server,
    path: '/graphql',
    schema,
    hub,
    jwtSecret: options.jwtSecret,
    log: options.log,
    limits: options.limits,
  });
  feed.start();
  return {
    hub,
    stop: async () => {
      feed.stop();
      await sockets.close();
    },
  };
}
