import type http from 'node:http';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { GraphQLError } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { KeyObject } from 'node:crypto';
import type { RevocationCheck } from '../../services/platform/auth';
import { feedKeyHeader } from '../../services/platform/feed-key';
import type { Logger } from '../../services/platform/logger';
import type { EdgeLimits } from '../edge';
import type { Federation } from '../execution/federation';
import { FeedEndpoints } from './endpoints';
import { EventExecutor } from './event-executor';
import { EventHub } from './hub';
import { AddressBudget } from './addresses';
import { HttpSubscriptions } from './http-transports';
import { LiveFeed } from './live-feed';
import { SubscriptionPlanner } from './planner';
import { attachSubscriptions, DEFAULT_LIMITS, type SubscriptionLimits } from './server';

export interface LiveFeedOptions {
  server: http.Server;
  /** The supergraph and its query planner, shared with the gateway's queries. */
  federation: Federation;
  /** Each subgraph's GraphQL URL, by the supergraph's name for it; its feeds are next to it (/feeds/...). */
  subgraphUrls: Readonly<Record<string, string>>;
  /** The data source of a subgraph, by name: they complete each event with other subgraphs' fields, as for a query. */
  dataSource: (name: string) => GraphQLDataSource;
  /** The public key the live feed checks each connection's token with (platform/auth.ts). */
  verifyingKey: KeyObject;
  /** The revocation list it checks each connection's token against (platform/revocations.ts). */
  revocations?: RevocationCheck;
  /** The key it reads the subgraphs' event-log heads with (platform/feed-key.ts). */
  feedKey: string;
  log: Logger;
  edge: EdgeLimits;
  timeoutMs: number;
  pollIntervalMs?: number;
  limits?: Partial<SubscriptionLimits>;
  /** What a graphql-ws subscribe message runs (the gateway's trusted documents); none: as sent. */
  admit?: (payload: SubscribePayload) => SubscribePayload | GraphQLError;
}

/**
 * Every `Subscription` field of the supergraph, served on the gateway's endpoint from the owning
 * subgraph's event log (docs/live-feeds.md). The gateway knows no feed: the plan names the subgraph
 * and the field; that subgraph checks the arguments and picks what each subscriber may see; the
 * gateway's own data sources complete each event, once per group of identical subscriptions.
 */
export function startLiveFeed(options: LiveFeedOptions): { stop: () => Promise<void>; hub: EventHub; http: HttpSubscriptions } {
  const planner = new SubscriptionPlanner(options.federation);
  const endpoints = new FeedEndpoints(options.subgraphUrls, feedKeyHeader(options.feedKey), options.timeoutMs);
  const services = Object.fromEntries(options.federation.subgraphs.map((name) => [name, options.dataSource(name)]));
  const executor = new EventExecutor(planner, services, options.log);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const hub = new EventHub(
    endpoints,
    (request, event) => executor.execute(request, event),
    options.log,
    options.pollIntervalMs ?? 100,
    limits,
  );
  const feed = new LiveFeed(planner, endpoints, hub, options.edge, options.log);
  const addresses = new AddressBudget(limits);
  const sockets = attachSubscriptions({
    server: options.server,
    path: '/graphql',
    feed,
    verifyingKey: options.verifyingKey,
    revocations: options.revocations,
    log: options.log,
    limits,
    addresses,
    admit: options.admit,
  });
  const http = new HttpSubscriptions({
    feed,
    verifyingKey: options.verifyingKey,
    revocations: options.revocations,
    log: options.log,
    limits,
    addresses,
    maxTokens: options.edge.maxTokens,
  });
  return {
    hub,
    http,
    stop: async () => {
      http.close();
      hub.stop();
      await sockets.close();
    },
  };
}
