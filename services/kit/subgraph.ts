import type { KeyObject } from 'node:crypto';
import type http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import { stringifyAnswer } from '../platform/answer-encoding';
import type { Config, SubgraphName } from '../platform/config';
import { callerOf, CLIENT_ADDRESS_HEADER, loadVerifyingKey, type Viewer } from '../platform/auth';
import { loadFeedKey } from '../platform/feed-key';
import { RevocationList, revocationsOverHttp, type RevocationSource } from '../platform/revocations';
import type { Context } from './context';
import type { FeedDefinition, FeedEvent } from './feed';
import { FEED_ROUTES, feedRoutes } from './feed-routes';
import { GENERATION_ROUTE, generationRoute, raiseWriteGeneration, tracksWrites } from './write-generation';
import { AnswerGuard, answerGuardPlugin, AnswersInFlight, guardFields } from './answer-guard';
import { openDatabase, type EntityList, type MigrationList } from './database';
import { statementInstrument } from './statements';
import { errorLoggingPlugin } from '../platform/error-logging';
import { isDatabaseUnavailable, maskError, serviceUnavailable } from '../platform/errors';
import type { FederatedSchema } from './schema-builder';
import { close, createGraphQLHttpServer, listen, onStopSignal } from '../platform/http';
import { createLogger, Logger } from '../platform/logger';
import { createMetrics } from '../platform/metrics';
import { operationLimitsPlugin } from '../platform/operation-limits';
import { OperationDocuments } from '../platform/document-store';

/** Everything that makes one subgraph; each services/<name>/subgraph.ts exports one. */
export interface SubgraphDefinition<L = unknown> {
  name: SubgraphName;
  entities: EntityList;
  migrations: MigrationList;
  buildSchema: () => Promise<FederatedSchema>;
  createLoaders: (db: DataSource, viewer: Viewer | null) => L;
  /** Loads reference and demo data; must be idempotent (runs on every start). */
  seed?: (db: DataSource, config: Config, log: Logger) => Promise<void>;
  /** The live feeds it serves, one per field of its `Subscription` type (docs/live-feeds.md). */
  feeds?: FeedDefinition<FeedEvent, unknown, L>[];
  /**
   * The accounts subgraph's only: the private key it signs tokens with (services/accounts/tokens.ts), and whose
   * public half checks its requests' tokens. Every other subgraph has none and checks with JWT_PUBLIC_KEY.
   */
  signingKey?: (config: Config) => { signing: KeyObject; verifying: KeyObject };
  /**
   * HTTP routes it serves next to /graphql besides its feeds (accounts' GET /revocations), guarded as each
   * sees fit; `prefix` is the path they start with. Answers true when the route handled the request.
   */
  routes?: (tools: { db: DataSource; feedKey: string; log: Logger }) => { prefix: string; handle: Route };
  /**
   * Where this subgraph reads the revocation list from (platform/revocations.ts): accounts reads its own
   * table; every other subgraph asks accounts over HTTP (the default).
   */
  revocationSource?: (db: DataSource) => RevocationSource;
  /**
   * Work the first request would otherwise wait for, done by the subgraph's process before it listens
   * (runSubgraph; tests that start a subgraph skip it): the language names a search reads (warmLanguageNames).
   */
  warmUp?: () => void;
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => boolean;

export interface RunningSubgraph {
  name: SubgraphName;
  port: number;
  url: string;
  db: DataSource;
  stop: () => Promise<void>;
}

/**
 * maskError, but a query that failed because the database is gone tells the client so (SERVICE_UNAVAILABLE
 * naming this subgraph; the gateway passes it on) rather than INTERNAL_SERVER_ERROR: retrying will work.
 */
function formatErrorOf(service: SubgraphName) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError =>
    isDatabaseUnavailable(error) ? maskError({ ...formatted, extensions: serviceUnavailable(service).extensions }) : maskError(formatted);
}

/**
 * The client's address: what a gateway (a peer listed in GATEWAY_ADDRESSES) says in x-client-address,
 * else the peer's own address, so that a caller reaching the subgraph straight cannot pick the address
 * it is throttled by.
 */
function clientAddressOf(req: http.IncomingMessage, gatewayAddresses: string[]): string | undefined {
  const peer = req.socket.remoteAddress;
  const named = req.headers[CLIENT_ADDRESS_HEADER];
  return peer !== undefined && gatewayAddresses.includes(peer) && typeof named === 'string' && named !== '' ? named.slice(0, 64) : peer;
}

/** Opens the database (running migrations), seeds, builds the schema and listens on `port` (0: any free). */
export async function startSubgraph<L>(
  definition: SubgraphDefinition<L>,
  config: Config,
  port: number = config.ports[definition.name],
): Promise<RunningSubgraph> {
  const log = createLogger(definition.name, config.logLevel);
  const keys = definition.signingKey?.(config);
  const verifyingKey = keys?.verifying ?? loadVerifyingKey(config);
  const db = await openDatabase(config, {
    service: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  if (definition.seed) await definition.seed(db, config, log);
  // A start counts as a write: the seed, and anything done to the store while the process was down, may have changed it.
  if (tracksWrites(db)) await raiseWriteGeneration(db);
  const schema = guardFields((await definition.buildSchema()).schema);
  const metrics = config.metrics ? createMetrics(definition.name) : undefined;
  const parseOptions = { maxTokens: config.edge.maxTokens };
  // Validated documents, and their normalized forms: the gateway's fetches of a known form are not validated again.
  const documents = new OperationDocuments(schema, parseOptions);
  const apollo = new ApolloServer<Context<L>>({
    schema,
    documentStore: documents,
    formatError: formatErrorOf(definition.name),
    // Large answers encoded in pieces, never as one string over 128 kB (services/platform/answer-encoding.ts).
    stringifyResult: stringifyAnswer,
    // Signals are ours (onStopSignal): the server stops accepting, drains, then Apollo stops, then the database
    // closes. Apollo's own handler would call stop() as well, and @apollo/server 5 never resolves a second,
    // concurrent stop() (its barrier is resolved only when stopping fails): on MySQL, whose pool keeps the
    // process alive, a SIGTERM left the process hanging, not listening, forever.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      documents.plugin<Context<L>>(),
      errorLoggingPlugin<Context<L>>(log),
      // The edge's limits, for whatever reaches this subgraph straight (a deployment that exposes it).
      operationLimitsPlugin<Context<L>>(config.edge, { typenameCost: 0 }),
      answerGuardPlugin,
      ...(metrics ? [metrics.plugin as ApolloServerPlugin<Context<L>>] : []),
    ],
    parseOptions,
  });
  await apollo.start();
  const answersInFlight = new AnswersInFlight(config.responseMaxObjectsInFlight);
  const feedKey = loadFeedKey(config);
  // Every request is checked against it: a token issued before its user's role or password changed counts as none.
  const revocations = new RevocationList(
    definition.revocationSource?.(db) ?? revocationsOverHttp(() => config.subgraphUrls.accounts, feedKey, config.subgraphTimeoutMs),
    { pollMs: config.revocationPollSeconds * 1000, log },
  );
  const context = async (req: http.IncomingMessage, requestId: string, signal = new AbortController().signal): Promise<Context<L>> => {
    const authorization = req.headers.authorization ?? null;
    const { viewer, tokenRefused } = callerOf(authorization ?? undefined, verifyingKey, revocations);
    return {
      requestId,
      clientAddress: clientAddressOf(req, config.gatewayAddresses),
      log: log.child({ requestId }),
      viewer,
      tokenRefused,
      authorization,
      db,
      loaders: definition.createLoaders(db, viewer),
      config,
      signingKey: keys?.signing,
      signal,
      guard: new AnswerGuard(signal, { maxBytes: config.responseMaxBytes, maxObjects: config.responseMaxObjects }, answersInFlight),
    };
  };
  // The live feed stays strict: a subscription whose token expired ends with UNAUTHENTICATED (HTTP 401), for
  // its client to sign in and resume, rather than carrying on as anonymous.
  const feedContext = async (req: http.IncomingMessage, requestId: string): Promise<Context<L>> => {
    const ctx = await context(req, requestId);
    if (ctx.tokenRefused) throw ctx.tokenRefused;
    return ctx;
  };
  const feeds = definition.feeds ?? [];
  const routes: Route[] = [];
  const routeLabels: string[] = [];
  if (feeds.length > 0) {
    routes.push(feedRoutes({ feeds, schema, db, feedKey, log, context: feedContext, formatError: formatErrorOf(definition.name) }));
    routeLabels.push(FEED_ROUTES);
  }
  // The write generation, which the gateway's response cache checks (kit/write-generation.ts).
  routes.push(generationRoute(db, feedKey));
  routeLabels.push(GENERATION_ROUTE);
  const extra = definition.routes?.({ db, feedKey, log });
  if (extra) {
    routes.push(extra.handle);
    routeLabels.push(extra.prefix);
  }
  const server: http.Server = createGraphQLHttpServer(apollo, {
    path: '/graphql',
    maxResponseBytes: config.responseMaxBytes,
    log,
    metrics,
    instrument: config.responseStats ? statementInstrument<Context<L>>(db) : undefined,
    ready: async () => {
      await db.query('SELECT 1');
      return true;
    },
    context,
    ...(routes.length > 0 ? { routes: (req, res, pathname) => routes.some((route) => route(req, res, pathname)), routeLabels } : {}),
  });
  // Drains: no new connection, requests in flight finish (SHUTDOWN_GRACE_MS at most), then the database
  // closes. Once: a second call waits for the first.
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    await close(server, config.shutdownGraceMs);
    await revocations.stop();
    await apollo.stop();
    await db.destroy();
  };
  revocations.start();
  const actualPort = await listen(server, port, config.host).catch(async (error: unknown) => {
    await revocations.stop();
    throw error;
  });
  log.info({ port: actualPort }, `${definition.name} subgraph ready`);
  return {
    name: definition.name,
    port: actualPort,
    url: `http://${config.host}:${actualPort}/graphql`,
    db,
    stop: () => (stopping ??= stop()),
  };
}

/** The body of every services/<name>/main.ts: start, and stop cleanly on SIGTERM / SIGINT. */
export function runSubgraph<L>(definition: SubgraphDefinition<L>, config: Config): void {
  definition.warmUp?.();
  startSubgraph(definition, config).then(
    (running) => onStopSignal(createLogger(definition.name, config.logLevel), running.stop),
    (error: unknown) => {
      createLogger(definition.name, 'error').fatal({ err: error }, 'could not start');
      process.exit(1);
    },
  );
}
