import fs from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { Config, SubgraphName } from '../services/common/config';
import { loadJwtSecret, verifyAuthorization } from '../services/common/auth';
import { maskError } from '../services/common/errors';
import { close, createGraphQLHttpServer, listen } from '../services/common/http';
import { createLogger } from '../services/common/logger';
import type { GatewayContext } from './context';
import { SubgraphDataSource } from './data-source';
import { startLiveFeed } from './subscriptions';
import type { SubscriptionLimits } from './subscriptions/server';

export interface GatewayOptions {
  port?: number;
  /** Overrides the subgraph URLs of the configuration (tests start subgraphs on free ports). */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** Limits of the live feed's WebSockets (tests lower them). */
  subscriptionLimits?: Partial<SubscriptionLimits>;
}

export interface RunningGateway {
  port: number;
  url: string;
  /** The live feed's subscribers and the work done for them. */
  feed: { subscribers: () => number; executions: () => number };
  stop: () => Promise<void>;
}

/**
 * The gateway composes nothing at run time: it serves the committed supergraph (schema/supergraph.graphql),
 * routing each subgraph to the URL of the configuration.
 */
export async function startGateway(config: Config, options: GatewayOptions = {}): Promise<RunningGateway> {
  const log = createLogger('gateway', config.logLevel);
  const jwtSecret = loadJwtSecret(config);
  const urls = { ...config.subgraphUrls, ...options.subgraphUrls };
  const supergraphSdl = fs.readFileSync(config.supergraphPath, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new SubgraphDataSource(urls[name as SubgraphName] ?? ''),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: gateway as never,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  const server = createGraphQLHttpServer(apollo, {
    path: '/graphql',
    log,
    ready: async () => true,
    // A bad token is turned away here, before any subgraph is asked; each subgraph still verifies it.
    context: async (req, requestId) => {
      const authorization = req.headers.authorization ?? null;
      verifyAuthorization(authorization ?? undefined, jwtSecret);
      return { requestId, authorization, log: log.child({ requestId }) };
    },
  });
  const feed = startLiveFeed({
    server,
    apollo,
    supergraphSdl,
    agreementsUrl: urls.agreements,
    jwtSecret,
    log,
    limits: { ...config.feed, ...options.subscriptionLimits },
  });
  const port = await listen(server, options.port ?? config.gatewayPort, config.host);
  log.info({ port }, 'gateway ready');
  return {
    port,
    url: `http://${config.host}:${port}/graphql`,
    feed: { subscribers: () => feed.hub.subscriberCount, executions: () => feed.hub.executions },
    stop: async () => {
      await feed.stop();
      await close(server);
      await apollo.stop();
    },
  };
}
