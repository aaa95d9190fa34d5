import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { projectPath } from './paths';

/** The seven subgraphs, in start order; each name is also its folder under services/ and its database suffix. */
export const SUBGRAPHS = ['accounts', 'authorities', 'organizations', 'practices', 'agreements', 'workplan', 'reports'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

const DEFAULT_PORTS: Record<SubgraphName, number> = {
  accounts: 4001,
  authorities: 4002,
  organizations: 4003,
  practices: 4004,
  agreements: 4005,
  workplan: 4006,
  reports: 4007,
};

export interface Config {
  nodeEnv: string;
  production: boolean;
  host: string;
  /** Directory of the SQLite files (one per subgraph) and generated secrets. */
  dataDir: string;
  /** mysql://user:pass@host:port; when absent every subgraph uses embedded SQLite. */
  databaseUrl: string | undefined;
  /** Prefix of each subgraph's MySQL database name: `${prefix}${subgraph}`. */
  databasePrefix: string;
  /**
   * SQLITE_CACHE_MB: the most each subgraph's SQLite connection keeps of its file in memory (its page
   * cache; see openDatabase), 4 MB by default. The operating system caches the file besides.
   */
  sqliteCacheMb: number;
  seedDemo: boolean;
  logLevel: string;
  gatewayPort: number;
  ports: Record<SubgraphName, number>;
  /** Where the gateway finds each subgraph; defaults to http://127.0.0.1:<port>/graphql. */
  subgraphUrls: Record<SubgraphName, string>;
  supergraphPath: string;
  /**
   * JWT_PUBLIC_KEY: the PEM key every process checks tokens with (ES256); required in production, in
   * development the public half of the pair made once under DATA_DIR/jwt-keys (platform/auth.ts).
   */
  jwtPublicKey: string | undefined;
  /** JWT_PRIVATE_KEY: the PEM key tokens are signed with; read by the accounts subgraph only (accounts/tokens.ts). */
  jwtPrivateKey: string | undefined;
  /** FEED_KEY: the gateway's key for reading the newest id of the subgraphs' event logs (platform/feed-key.ts). */
  feedKey: string | undefined;
  /** TOKEN_TTL_SECONDS: lifetime of an access token, in seconds (15 min by default); refreshToken renews it. */
  tokenTtlSeconds: number;
  /**
   * REVOCATION_POLL_SECONDS: how often every process reads accounts' revocation list (30 s by default): an access
   * token issued before its user's role or password changed stops working within this time.
   */
  revocationPollSeconds: number;
  /** REFRESH_TOKEN_TTL_SECONDS: lifetime of a refresh token, in seconds (30 days by default); each renewal issues a new one. */
  refreshTokenTtlSeconds: number;
  /** The first Secretariat account, created at start when both are set. */
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** How sign-in and sign-up attempts are limited (services/accounts/throttle.ts). */
  signIn: {
    /** LOGIN_MAX_FAILURES: failed sign-ins for one e-mail from one client address within the window. */
    maxFailures: number;
    /** LOGIN_FAILURE_WINDOW_SECONDS: how long a failure counts. */
    failureWindowSeconds: number;
    /** SIGNUP_RATE_LIMIT: sign-ups one client address may try per hour. */
    signUpsPerHour: number;
  };
  /** GATEWAY_ADDRESSES: peers whose `x-client-address` header a subgraph believes (the gateways). */
  gatewayAddresses: string[];
  /**
   * Limits of the live feed on the gateway (docs/live-feeds.md). Per WebSocket: FEED_MAX_SUBSCRIPTIONS_PER_CONNECTION
   * (open or being opened), FEED_SUBSCRIBES_PER_SECOND with bursts of FEED_SUBSCRIBE_BURST, FEED_MAX_BUFFERED_KB
   * waiting to be sent. Per client address: FEED_MAX_CONNECTIONS_PER_ADDRESS, FEED_SUBSCRIBES_PER_SECOND_PER_ADDRESS
   * with bursts of FEED_SUBSCRIBE_BURST_PER_ADDRESS. Per gateway process: FEED_MAX_REPLAYS replays of a log at
   * once, FEED_MAX_QUEUED_REPLAYS more waiting.
   */
  feed: {
    maxConnectionsPerAddress: number;
    maxSubscriptionsPerConnection: number;
    subscribesPerSecond: number;
    subscribeBurst: number;
    subscribesPerSecondPerAddress: number;
    subscribeBurstPerAddress: number;
    maxBufferedKb: number;
    maxReplays: number;
    maxQueuedReplays: number;
  };
  /**
   * Limits of one operation, at the gateway's edge and in every subgraph (services/platform/operation-limits.ts). QUERY_MAX_COST: fields an operation may return, list fields
   * counted once per element (see measureOperation); QUERY_MAX_ALIASES; QUERY_MAX_TOKENS: lexical
   * tokens of the query text; MUTATION_RATE_LIMIT: mutation root fields per minute per client address
   * and gateway process (0: no limit). The depth limit is fixed: MAX_QUERY_DEPTH of services/platform/operation-limits.ts.
   */
  edge: { maxCost: number; maxAliases: number; maxTokens: number; mutationsPerMinute: number };
  /**
   * PUBLIC_URL: the gateway's address as clients reach it (scheme, host, port, no trailing `/`), which the
   * links of the hemispheric report's documents start with; http://127.0.0.1:<GATEWAY_PORT> by default.
   */
  publicUrl: string;
  /** CORS_ORIGINS: origins browsers may call the gateway from (comma-separated, `*` for any); none by default. */
  corsOrigins: string[];
  /** INTROSPECTION: whether the gateway answers __schema and __type (on by default: the API is public). */
  introspection: boolean;
  /**
   * Trusted documents (gateway/trusted-documents.ts, docs/api.md#trusted-documents). TRUSTED_DOCUMENTS:
   * `off` (the default: any operation, and Apollo's automatic persisted queries), `allow` (the registered
   * operations also by id, besides any other) or `required` (only the registered operations, only by id).
   * TRUSTED_DOCUMENTS_MANIFESTS: the manifests that register them, comma-separated (graphql-codegen's
   * persisted-documents.json or Apollo's persisted query manifest); schema/client/persisted-documents.json by default.
   */
  trustedDocuments: { mode: TrustedDocumentsMode; manifests: string[] };
  /**
   * The gateway's response cache (gateway/response-cache.ts, docs/performance.md#the-response-cache):
   * RESPONSE_CACHE turns it on (off by default); RESPONSE_CACHE_MAX_MB bounds what it holds per gateway
   * process; RESPONSE_CACHE_TTL_SECONDS is the longest an answer is kept, whatever the writes.
   */
  responseCache: { enabled: boolean; maxBytes: number; ttlMs: number };
  /** REDIS_URL: where the gateways keep the response cache together (redis://host:6379); none: each gateway process keeps its own. */
  redisUrl: string | undefined;
  /**
   * GATEWAY_WORKERS: gateway processes sharing its port through node:cluster (each reads a feed's
   * event log itself while one of its clients subscribes). Default: one per CPU in production, 1 (no cluster) otherwise.
   */
  gatewayWorkers: number;
  /**
   * RESPONSE_MAX_BYTES: the largest answer a subgraph builds or the gateway sends (16 MB by default);
   * a larger one is refused with RESPONSE_TOO_LARGE (see services/kit/answer-guard.ts).
   */
  responseMaxBytes: number;
  /**
   * RESPONSE_MAX_OBJECTS: the most objects a subgraph builds into one answer (50,000 by default; building
   * one holds several kB of heap); more is refused with RESPONSE_TOO_LARGE. Every object of an answer
   * costs at least 1, so with QUERY_MAX_COST no higher an operation the edge accepts is never refused
   * for its objects.
   */
  responseMaxObjects: number;
  /**
   * RESPONSE_MAX_OBJECTS_IN_FLIGHT: the most objects of all the answers a subgraph builds at once
   * (200,000 by default): past it, the request that adds more is refused with RESPONSE_TOO_LARGE.
   */
  responseMaxObjectsInFlight: number;
  /** SUBGRAPH_TIMEOUT_MS: how long the gateway waits for a subgraph's answer before giving up on it. */
  subgraphTimeoutMs: number;
  /** METRICS: whether every process answers GET /metrics (Prometheus text; on by default). */
  metrics: boolean;
  /** SHUTDOWN_GRACE_MS: on SIGTERM, how long requests in flight may take to finish before being cut. */
  shutdownGraceMs: number;
  /**
   * Whether responses carry the counters benchmarks and tests read (`x-sql-statements`,
   * `x-subgraph-fetches`): always outside production, in production only with BENCH_STATS=1.
   */
  responseStats: boolean;
}

type Env = Record<string, string | undefined>;

export const TRUSTED_DOCUMENTS_MODES = ['off', 'allow', 'required'] as const;
export type TrustedDocumentsMode = (typeof TRUSTED_DOCUMENTS_MODES)[number];

function trustedDocumentsModeVar(env: Env, name: string): TrustedDocumentsMode {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '') return 'off';
  if (!(TRUSTED_DOCUMENTS_MODES as readonly string[]).includes(raw)) {
    throw new Error(`${name} must be one of ${TRUSTED_DOCUMENTS_MODES.join(', ')}, got "${env[name]}"`);
  }
  return raw as TrustedDocumentsMode;
}

/** Paths, comma-separated, each resolved from the working directory. */
function pathsVar(env: Env, name: string, fallback: string[]): string[] {
  const paths = (env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return paths.length > 0 ? paths.map((entry) => path.resolve(entry)) : fallback;
}

function intVar(env: Env, name: string, fallback: number, min = 0, max = 65535): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

/** An http(s) address with no query or fragment, without its trailing `/`. */
function publicUrlVar(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) address such as https://enlace.example.org, got "${raw}"`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
    throw new Error(`${name} must be an http(s) address with no query, fragment or credentials, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/** Origins as a browser sends them (`https://host[:port]`, no path), or `*`. */
function originsVar(env: Env, name: string): string[] {
  const origins = (env[name] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let valid = origin === '*';
    try {
      valid ||= new URL(origin).origin === origin;
    } catch {
      // not a URL: invalid
    }
    if (!valid) throw new Error(`${name} must list origins like https://example.org (no path, no trailing /) or *, got "${origin}"`);
  }
  return origins;
}

/** IP addresses, comma-separated, as a socket reports its peer (`10.0.0.5`, `::ffff:10.0.0.5`, `fd00::5`). */
function addressesVar(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const addresses = raw
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  for (const address of addresses) {
    if (net.isIP(address) === 0) throw new Error(`${name} must list IP addresses, got "${address}"`);
  }
  return addresses;
}

function redisUrlVar(env: Env): string | undefined {
  const raw = env.REDIS_URL;
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('REDIS_URL must look like redis://host:6379');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new Error(`REDIS_URL must use redis:// or rediss://, got ${url.protocol}//`);
  return raw;
}

function databaseUrlVar(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('DATABASE_URL must look like mysql://user:password@host:3306');
  }
  if (url.protocol !== 'mysql:') throw new Error(`DATABASE_URL must use mysql://, got ${url.protocol}//`);
  return raw;
}

/** Reads the whole configuration once; the only place that reads process.env. Fails fast on a bad value. */
export function loadConfig(env: Env = process.env): Config {
  const ports = {} as Record<SubgraphName, number>;
  const subgraphUrls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPHS) {
    const upper = name.toUpperCase();
    ports[name] = intVar(env, `${upper}_PORT`, DEFAULT_PORTS[name]);
    subgraphUrls[name] = env[`${upper}_URL`] || `http://127.0.0.1:${ports[name]}/graphql`;
  }
  const nodeEnv = env.NODE_ENV || 'development';
  const prefix = env.DATABASE_PREFIX || 'enlace_';
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(prefix)) {
    throw new Error(`DATABASE_PREFIX must be lower-case letters, digits and _, got "${prefix}"`);
  }
  const production = nodeEnv === 'production';
  const gatewayPort = intVar(env, 'GATEWAY_PORT', 4000);
  if (env.JWT_SECRET) {
    throw new Error(
      'JWT_SECRET is no longer used: tokens are signed with a key pair; set JWT_PRIVATE_KEY and JWT_PUBLIC_KEY (`npm run keys` makes them)',
    );
  }
  const feedKey = env.FEED_KEY || undefined;
  if (feedKey && feedKey.length < 32) throw new Error('FEED_KEY must be at least 32 characters');
  return {
    nodeEnv,
    production,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    databaseUrl: databaseUrlVar(env),
    databasePrefix: prefix,
    sqliteCacheMb: intVar(env, 'SQLITE_CACHE_MB', 4, 1, 4096),
    seedDemo: boolVar(env, 'SEED_DEMO', true),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    gatewayPort,
    ports,
    subgraphUrls,
    supergraphPath: env.SUPERGRAPH_PATH ? path.resolve(env.SUPERGRAPH_PATH) : projectPath('schema', 'supergraph.graphql'),
    jwtPublicKey: env.JWT_PUBLIC_KEY || undefined,
    jwtPrivateKey: env.JWT_PRIVATE_KEY || undefined,
    feedKey,
    tokenTtlSeconds: intVar(env, 'TOKEN_TTL_SECONDS', 15 * 60, 60, 24 * 3600),
    revocationPollSeconds: intVar(env, 'REVOCATION_POLL_SECONDS', 30, 1, 300),
    refreshTokenTtlSeconds: intVar(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600, 3600, 365 * 24 * 3600),
    adminEmail: env.ENLACE_ADMIN_EMAIL || undefined,
    adminPassword: env.ENLACE_ADMIN_PASSWORD || undefined,
    signIn: {
      maxFailures: intVar(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
      failureWindowSeconds: intVar(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 15 * 60, 60, 24 * 3600),
      signUpsPerHour: intVar(env, 'SIGNUP_RATE_LIMIT', 10, 1, 1_000_000),
    },
    gatewayAddresses: addressesVar(env, 'GATEWAY_ADDRESSES', ['127.0.0.1', '::1', '::ffff:127.0.0.1']),
    feed: {
      maxConnectionsPerAddress: intVar(env, 'FEED_MAX_CONNECTIONS_PER_ADDRESS', 50, 1, 100_000),
      maxSubscriptionsPerConnection: intVar(env, 'FEED_MAX_SUBSCRIPTIONS_PER_CONNECTION', 20, 1, 1000),
      subscribesPerSecond: intVar(env, 'FEED_SUBSCRIBES_PER_SECOND', 10, 1, 100_000),
      subscribeBurst: intVar(env, 'FEED_SUBSCRIBE_BURST', 20, 1, 100_000),
      subscribesPerSecondPerAddress: intVar(env, 'FEED_SUBSCRIBES_PER_SECOND_PER_ADDRESS', 50, 1, 1_000_000),
      subscribeBurstPerAddress: intVar(env, 'FEED_SUBSCRIBE_BURST_PER_ADDRESS', 100, 1, 1_000_000),
      maxBufferedKb: intVar(env, 'FEED_MAX_BUFFERED_KB', 1024, 64, 1_048_576),
      maxReplays: intVar(env, 'FEED_MAX_REPLAYS', 4, 1, 1000),
      maxQueuedReplays: intVar(env, 'FEED_MAX_QUEUED_REPLAYS', 100, 0, 100_000),
    },
    edge: {
      maxCost: intVar(env, 'QUERY_MAX_COST', 50_000, 1, 1_000_000_000),
      maxAliases: intVar(env, 'QUERY_MAX_ALIASES', 30, 0, 10_000),
      maxTokens: intVar(env, 'QUERY_MAX_TOKENS', 2000, 100, 1_000_000),
      mutationsPerMinute: intVar(env, 'MUTATION_RATE_LIMIT', 60, 0, 1_000_000),
    },
    publicUrl: publicUrlVar(env, 'PUBLIC_URL', `http://127.0.0.1:${gatewayPort}`),
    corsOrigins: originsVar(env, 'CORS_ORIGINS'),
    introspection: boolVar(env, 'INTROSPECTION', true),
    responseCache: {
      enabled: boolVar(env, 'RESPONSE_CACHE', false),
      maxBytes: intVar(env, 'RESPONSE_CACHE_MAX_MB', 64, 1, 65_536) * 2 ** 20,
      ttlMs: intVar(env, 'RESPONSE_CACHE_TTL_SECONDS', 300, 1, 86_400) * 1000,
    },
    redisUrl: redisUrlVar(env),
    trustedDocuments: {
      mode: trustedDocumentsModeVar(env, 'TRUSTED_DOCUMENTS'),
      manifests: pathsVar(env, 'TRUSTED_DOCUMENTS_MANIFESTS', [projectPath('schema', 'client', 'persisted-documents.json')]),
    },
    gatewayWorkers: intVar(env, 'GATEWAY_WORKERS', production ? os.availableParallelism() : 1, 1, 256),
    responseMaxBytes: intVar(env, 'RESPONSE_MAX_BYTES', 16 * 2 ** 20, 1024, 2 ** 30),
    responseMaxObjects: intVar(env, 'RESPONSE_MAX_OBJECTS', 50_000, 100, 100_000_000),
    responseMaxObjectsInFlight: intVar(env, 'RESPONSE_MAX_OBJECTS_IN_FLIGHT', 200_000, 100, 1_000_000_000),
    subgraphTimeoutMs: intVar(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 100, 600_000),
    metrics: boolVar(env, 'METRICS', true),
    shutdownGraceMs: intVar(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    responseStats: !production || boolVar(env, 'BENCH_STATS', false),
  };
}

/**
 * BENCH_MYSQL_URL: the MySQL server the benchmarks and the soak use when given --mysql (they make and
 * drop databases of their own there); mysql://root@127.0.0.1:3306 by default.
 */
export function benchMysqlUrl(env: Env = process.env): string {
  return env.BENCH_MYSQL_URL || 'mysql://root@127.0.0.1:3306';
}
