import cluster, { type Worker } from 'node:cluster';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { AggregatorRegistry, collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * What every server reports at GET /metrics, in Prometheus' text format (prom-client): GraphQL requests,
 * their errors by code and their latency, per operation; HTTP responses by status; the gateway's subgraph
 * fetches by service; and the process (CPU, RSS, heap, event-loop lag, GC), as prom-client measures them.
 *
 * The operation label is the operation's name as the client wrote it, so that a dashboard shows "Search"
 * or "CountryDirectory"; a hostile client could invent a new name per request, so only the first
 * MAX_OPERATION_NAMES distinct names get a series of their own, the rest count under "other".
 */
export const MAX_OPERATION_NAMES = 200;

/** Seconds: from a quick lookup (a few ms) to the deep queries of the benchmark and the subgraph timeout. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface Metrics {
  registry: Registry;
  /** Times one subgraph fetch of the gateway; call the result with the outcome when it ends. */
  startFetch: (service: string) => (outcome: 'ok' | 'error' | 'unavailable') => void;
  /** Counts an HTTP response (every route, including those refused before GraphQL: 413, bad JSON). */
  countResponse: (route: string, status: number) => void;
  /** The Apollo Server plugin that counts and times each GraphQL operation. */
  plugin: ApolloServerPlugin<BaseContext>;
  /** Counts and times an operation answered without Apollo Server (the gateway's response cache), as the plugin would. */
  countOperation: (operationName: string | null, seconds: number) => void;
  /** The text of GET /metrics: this process's, or the whole cluster's from a gateway worker. */
  text: () => Promise<string>;
}

/** The process's own metrics, once per process: tests run several servers in one. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createMetrics(service: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  const requests = new Counter({
    name: 'enlace_graphql_requests_total',
    help: 'GraphQL operations answered, by operation name ("anonymous", "unresolved" when it did not parse or validate).',
    labelNames: ['operation'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'enlace_graphql_errors_total',
    help: 'Errors in GraphQL answers, by operation and extensions.code as the client saw it.',
    labelNames: ['operation', 'code'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'enlace_graphql_request_duration_seconds',
    help: 'Time from the start of a GraphQL request to its answer, by operation.',
    labelNames: ['operation'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const fetches = new Histogram({
    name: 'enlace_subgraph_fetch_duration_seconds',
    help: 'Time of each subgraph fetch of the gateway, by subgraph and outcome (ok, error: an HTTP error status, unavailable: not reached or no answer in time).',
    labelNames: ['subgraph', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const responses = new Counter({
    name: 'enlace_http_responses_total',
    help: 'HTTP responses, by route and status code.',
    labelNames: ['route', 'status'],
    registers: [registry],
  });

  const names = new Set<string>();
  const operationLabel = (name: string | null | undefined, resolved: boolean): string => {
    if (!resolved) return 'unresolved';
    if (!name) return 'anonymous';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };

  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      const start = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const label = operationLabel(operationName, operation !== undefined);
          requests.inc({ operation: label });
          latency.observe({ operation: label }, Number(process.hrtime.bigint() - start) / 1e9);
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          for (const error of result.errors ?? []) {
            const code = error.extensions?.code;
            errors.inc({ operation: label, code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
          }
        },
      };
    },
  };

  if (cluster.isWorker) {
    // A gateway worker: the primary asks every worker for these registries (prom-client's IPC listener,
    // installed by constructing an AggregatorRegistry) and sums them for whichever worker was scraped.
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([processMetrics(), registry]);
  }
  const local = async () => `${await processMetrics().metrics()}\n${await registry.metrics()}`;
  return {
    registry,
    plugin,
    countOperation: (operationName, seconds) => {
      const label = operationLabel(operationName, true);
      requests.inc({ operation: label });
      latency.observe({ operation: label }, seconds);
    },
    startFetch: (subgraph) => {
      const end = fetches.startTimer({ subgraph });
      return (outcome) => end({ outcome });
    },
    countResponse: (route, status) => responses.inc({ route, status: String(status) }),
    // Prometheus scrapes whichever worker accepts its connection: it gets the sum of all of them.
    text: () => (cluster.isWorker ? askPrimary() : local()),
  };
}

export const METRICS_REQUEST = 'enlace:metrics-request';
export const METRICS_RESPONSE = 'enlace:metrics-response';
const CLUSTER_METRICS_TIMEOUT_MS = 5000;

let asked = 0;
function askPrimary(): Promise<string> {
  const id = (asked += 1);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error('the cluster primary did not send the metrics in time'));
    }, CLUSTER_METRICS_TIMEOUT_MS);
    const onMessage = (message: { type?: string; id?: number; text?: string; error?: string }) => {
      if (message?.type !== METRICS_RESPONSE || message.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.text ?? '');
    };
    process.on('message', onMessage);
    process.send!({ type: METRICS_REQUEST, id });
  });
}

/**
 * In a cluster's primary: answers a worker's request for the metrics with those of every worker summed
 * (counters and histograms added; prom-client's AggregatorRegistry asks each worker over IPC).
 */
export function serveClusterMetrics(): () => void {
  const aggregator = new AggregatorRegistry();
  const onMessage = (worker: Worker, message: { type?: string; id?: number }) => {
    if (message?.type !== METRICS_REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: METRICS_RESPONSE, id: message.id, text }),
      (error: Error) => worker.send({ type: METRICS_RESPONSE, id: message.id, error: error.message }),
    );
  };
  cluster.on('message', onMessage);
  return () => cluster.off('message', onMessage);
}
