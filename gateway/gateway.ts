import fs from 'node:fs';
import type http from 'node:http';
import type { GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { stringifyAnswer } from '../services/platform/answer-encoding';
import type { Config, SubgraphName } from '../services/platform/config';
import { loadVerifyingKey } from '../services/platform/auth';
import { loadFeedKey } from '../services/platform/feed-key';
import { RevocationList, revocationsOverHttp } from '../services/platform/revocations';
import { errorLoggingPlugin } from '../services/platform/error-logging';
import { maskError } from '../services/platform/errors';
import { finiteNumbersPlugin } from '../services/platform/finite-numbers';
import { close, createGraphQLHttpServer, listen, type RequestInstrument } from '../services/platform/http';
import { createLogger } from '../services/platform/logger';
import { createMetrics } from '../services/platform/metrics';
import type { GatewayContext } from './context';
import { SubgraphDataSource } from './data-source';
import { FederatedGateway } from './execution/federated-gateway';
import { Federation } from './execution/federation';
import { edgePlugin } from './edge';
import { createGraphiQL } from './graphiql';
import { OperationDocuments } from '../services/platform/document-store';
import { createReportDocuments, type RunAnonymous } from './report-documents';
import { valueCompletionPlugin } from './value-completion';
import { jsonStatusPlugin } from './json-status';
import { operationNamePlugin } from './operation-name';
import { startLiveFeed } from './subscriptions';
import { admit, admitHttp, loadTrustedDocuments } from './trusted-documents';
import { createResponseCache } from './response-cache';
import { MemoryStore, RedisStore } from './response-store';
import { WriteGenerations } from './write-generations';
import { feedKeyHeader } from '../services/platform/feed-key';
import type { SubscriptionLimits } from './subscriptions/server';

export interface GatewayOptions {
  port?: number;
  /** Overrides the subgraph URLs of the configuration (tests start subgraphs on free ports). */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** Limits of the live feed's WebSockets (tests lower them). */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /** Replaces the HTTP data sources (the benchmark executes the subgraphs in process with it). */
  buildService?: (name: SubgraphName, url: string) => GraphQLDataSource;
}

export interface RunningGateway {
  port: number;
  url: string;
  /** The live feed's subscribers and the work done for them. */
  feed: { subscribers: () => number; executions: () => number };
  stop: () => Promise<void>;
}

/** The counters of a gateway request (config.responseStats): subgraph fetches and the SQL statements they report. */
const fetchCounting: RequestInstrument<GatewayContext> = {
  around: (_requestId, work) => work(),
  headers: ({ stats }) => ({ 'subgraph-fetches': stats?.fetches ?? 0, 'sql-statements': stats?.statements ?? 0 }),
};

/**
 * The gateway composes nothing at run time: it serves the committed supergraph (schema/supergraph.graphql),
 * routing each subgraph to the URL of the configuration.
 */
export async function startGateway(config: Config, options: GatewayOptions = {}): Promise<RunningGateway> {
  const log = createLogger('gateway', config.logLevel);
  const verifyingKey = loadVerifyingKey(config);
  const feedKey = loadFeedKey(config);
  const urls = { ...config.subgraphUrls, ...options.subgraphUrls };
  const metrics = config.metrics ? createMetrics('gateway') : undefined;
  const buildService = (name: string): GraphQLDataSource => {
    const url = urls[name as SubgraphName] ?? '';
    return options.buildService
      ? options.buildService(name as SubgraphName, url)
      : new SubgraphDataSource(url, { name, timeoutMs: config.subgraphTimeoutMs, metrics, maxResponseBytes: config.responseMaxBytes });
  };
  const trusted = config.trustedDocuments;
  const manifest = trusted.mode === 'off' ? undefined : loadTrustedDocuments(trusted.manifests);
  const federation = new Federation(fs.readFileSync(config.supergraphPath, 'utf8'));
  const parseOptions = { maxTokens: config.edge.maxTokens };
  // Validated documents, and their normalized forms: a new document of a known form is neither validated nor planned.
  const documents = new OperationDocuments(federation.apiSchema, parseOptions);
  const gateway = new FederatedGateway(federation, buildService, documents);
  const { responseCache: cacheConfig } = config;
  const responseCache = cacheConfig.enabled
    ? createResponseCache(
        new WriteGenerations(urls, feedKeyHeader(feedKey), config.subgraphTimeoutMs, log),
        Object.keys(urls),
        config.redisUrl ? new RedisStore(config.redisUrl, cacheConfig.ttlMs, log) : new MemoryStore(cacheConfig.maxBytes),
        cacheConfig.ttlMs,
      )
    : undefined;
  const apollo = new ApolloServer<GatewayContext>({
    gateway: gateway,
    documentStore: documents,
    formatError: maskError,
    // Large answers encoded in pieces, never as one string over 128 kB (services/platform/answer-encoding.ts).
    stringifyResult: stringifyAnswer,
    // Signals are ours (main.ts calls stop() below); Apollo's own handler must stay off: see services/kit/subgraph.ts.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // No field has a cache hint and no trace leaves the gateway: both plugins would run per field for nothing.
    // The landing page is ours (GraphiQL served offline, see graphiql.ts), not Apollo's CDN-hosted one.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      documents.plugin<GatewayContext>(),
      finiteNumbersPlugin<GatewayContext>(),
      edgePlugin(config.edge),
      valueCompletionPlugin,
      errorLoggingPlugin<GatewayContext>(log),
      jsonStatusPlugin<GatewayContext>(),
      operationNamePlugin<GatewayContext>(),
      ...(responseCache ? [responseCache.plugin] : []),
      ...(metrics ? [metrics.plugin] : []),
    ],
    introspection: config.introspection,
    // Off on purpose: tokens travel in the Authorization header, which a cross-site form or <img> cannot set,
    // never in cookies, so a simple request (a GET query from urql's defaults) forges nothing. It must come
    // back the day a cookie carries credentials (docs/api.md, "CSRF").
    csrfPrevention: false,
    parseOptions,
    // Apollo's automatic persisted queries let any client add documents: not when only registered ones run.
    ...(trusted.mode === 'required' ? { persistedQueries: false as const } : {}),
  });
  await apollo.start();
  // The report's documents read the graph through this server's own executor and plugins, with no token.
  const runAnonymous: RunAnonymous = async (query, variables, requestId) => {
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: { requestId, authorization: null, log: log.child({ requestId }) } },
    );
    if (response.body.kind !== 'single') throw new Error('an incremental answer to a document query');
    return response.body.singleResult;
  };
  const graphiql = createGraphiQL('/graphql');
  // The live feed starts once the server exists (it listens for its upgrades); the server's routes find it here.
  const live: { feed?: ReturnType<typeof startLiveFeed> } = {};
  const reportDocuments = createReportDocuments(runAnonymous, log);
  const server = createGraphQLHttpServer(apollo, {
    path: '/graphql',
    maxResponseBytes: config.responseMaxBytes,
    log,
    metrics,
    ready: async () => true,
    routes: (req, res, pathname) => graphiql(req, res, pathname) || reportDocuments(req, res, pathname),
    // Subscriptions over SSE and multipart HTTP, once the live feed below has started.
    operations: (req, res, body, search) => live.feed?.http.handle(req, res, body, search) ?? false,
    // Answers from the response cache, before Apollo Server parses anything (gateway/response-cache.ts).
    ...(responseCache
      ? {
          shortcut: async (req: http.IncomingMessage, body: unknown, search: URLSearchParams) => {
            const started = process.hrtime.bigint();
            const stored = await responseCache.lookup(req, body, search);
            if (!stored) return undefined;
            metrics?.countOperation(stored.operationName, Number(process.hrtime.bigint() - started) / 1e9);
            const counters: Record<string, string> = config.responseStats ? { 'x-subgraph-fetches': '0', 'x-sql-statements': '0' } : {};
            return { ...stored, headers: { ...stored.headers, ...counters } };
          },
          answered: responseCache.learn,
        }
      : {}),
    // Trusted documents: before anything else reads the operation, over every HTTP transport.
    admit: (method, body, search) => admitHttp(trusted.mode, manifest, method, body, search),
    corsOrigins: config.corsOrigins,
    // The token is passed on as it came: each subgraph verifies it, and answers an invalid or expired one as
    // anonymous, with UNAUTHENTICATED (saying why) on the fields that need a viewer (platform/auth.ts callerOf).
    context: async (req, requestId, signal) => {
      const authorization = req.headers.authorization ?? null;
      const stats = config.responseStats ? { fetches: 0, statements: 0 } : undefined;
      return {
        requestId,
        authorization,
        clientAddress: req.socket.remoteAddress,
        log: log.child({ requestId }),
        stats,
        signal,
        ...(responseCache ? { cache: {} } : {}),
      };
    },
    instrument: config.responseStats ? fetchCounting : undefined,
  });
  // The live feed refuses a connection whose token was revoked; GraphQL requests leave that to the subgraphs.
  const revocations = new RevocationList(
    revocationsOverHttp(() => urls.accounts, feedKey, config.subgraphTimeoutMs),
    {
      pollMs: config.revocationPollSeconds * 1000,
      log,
    },
  );
  const feed = (live.feed = startLiveFeed({
    server,
    federation,
    subgraphUrls: urls,
    dataSource: buildService,
    verifyingKey,
    revocations,
    feedKey,
    log,
    edge: config.edge,
    timeoutMs: config.subgraphTimeoutMs,
    limits: { ...config.feed, ...options.subscriptionLimits },
    admit: (payload) => {
      const admitted = admit(trusted.mode, manifest, payload);
      if ('refusal' in admitted) return new GraphQLError(admitted.refusal.message, { extensions: { code: admitted.refusal.code } });
      return 'asSent' in admitted ? payload : { ...payload, query: admitted.query, extensions: admitted.extensions };
    },
  }));
  // Stops accepting at once; while the requests in flight finish, the live feed's sockets close with 1001.
  // Once: a second call waits for the first.
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    const drained = close(server, config.shutdownGraceMs);
    await feed.stop();
    await revocations.stop();
    await drained;
    await apollo.stop();
    await responseCache?.close();
  };
  revocations.start();
  const port = await listen(server, options.port ?? config.gatewayPort, config.host).catch(async (error: unknown) => {
    await revocations.stop();
    await responseCache?.close();
    throw error;
  });
  log.info(
    { port, trustedDocuments: trusted.mode, ...(manifest ? { registered: manifest.documents.size, manifests: manifest.files } : {}) },
    'gateway ready',
  );
  return {
    port,
    url: `http://${config.host}:${port}/graphql`,
    feed: { subscribers: () => feed.hub.subscriberCount, executions: () => feed.hub.executions },
    stop: () => (stopping ??= stop()),
  };
}
