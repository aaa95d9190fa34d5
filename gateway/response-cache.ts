import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import {
  GraphQLSchema,
  OperationTypeNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FormattedExecutionResult,
} from 'graphql';
import type { Logger } from '../services/platform/logger';
import { GENERATION_ROUTE } from '../services/platform/write-generation-route';
import type { GatewayContext } from './context';
import { subgraphFetch } from './subgraph-fetch';

/**
 * The response cache (RESPONSE_CACHE, docs/performance.md#the-response-cache): the answers of anonymous
 * queries, by document, operation name and variables, in this gateway process.
 *
 * An answer is kept with the write generation (services/kit/write-generation.ts) of each subgraph it read,
 * as the gateway last knew it before reading; a write transaction raises its subgraph's generation as it
 * commits. Before a stored answer is served, the generation of each of its subgraphs is read again by a
 * check that started after the request arrived: served only when none moved, so it is never older than a
 * write committed before the request came, whichever gateway, replica or script made the write through a
 * subgraph. Checks are shared: while one is in flight, the requests that arrive wait for the next, one at a
 * time per subgraph, however many ask.
 *
 * Never stored: a request with an Authorization header (even one the subgraphs refuse), a mutation, a
 * subscription, an answer with errors, and an operation that selects a CONFIDENTIAL field (their schema
 * descriptions say so), although an anonymous reader gets null there.
 */

/** What the client is told in `cache-control`: anonymous answers may be stored but must be checked again; the rest never. */
const PUBLIC = 'public, no-cache';
const PRIVATE = 'private, no-store';

interface Entry {
  body: string;
  generations: Map<string, string>;
  storedAt: number;
  bytes: number;
}

/** The subgraphs' write generations, read on demand and shared by the requests that wait for them. */
export class WriteGenerations {
  private readonly state = new Map<string, { started: number; promise: Promise<string | null>; next?: Promise<string | null> }>();
  private readonly completed = new Map<string, { started: number; value: string | null }>();

  constructor(
    private readonly urls: Readonly<Record<string, string>>,
    private readonly feedKeyHeader: string,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  /** The generation last read of each subgraph (null: never read, or it did not answer). */
  known(service: string): string | null {
    return this.completed.get(service)?.value ?? null;
  }

  /** The subgraph's generation as read by a check that started at `since` or later (performance.now()); null if it did not answer. */
  fresh(service: string, since: number): Promise<string | null> {
    const done = this.completed.get(service);
    if (done && done.started >= since) return Promise.resolve(done.value);
    const current = this.state.get(service);
    if (!current) return this.start(service);
    if (current.started >= since) return current.promise;
    // The check in flight started before this request: the next one, shared by all that arrive meanwhile.
    current.next ??= current.promise.then(
      () => this.start(service),
      () => this.start(service),
    );
    return current.next;
  }

  private start(service: string): Promise<string | null> {
    const started = performance.now();
    const promise = this.read(service).then((value) => {
      const done = this.completed.get(service);
      if (!done || done.started <= started) this.completed.set(service, { started, value });
      if (this.state.get(service)?.promise === promise) this.state.delete(service);
      return value;
    });
    this.state.set(service, { started, promise });
    return promise;
  }

  private async read(service: string): Promise<string | null> {
    const base = this.urls[service];
    if (!base) return null;
    try {
      const response = await subgraphFetch(new URL(GENERATION_ROUTE.slice(1), base).href, {
        method: 'GET',
        headers: { authorization: this.feedKeyHeader, 'x-request-id': randomUUID() },
        timeout: this.timeoutMs,
      } as Parameters<typeof subgraphFetch>[1]);
      const body = (await response.json()) as { generation?: unknown };
      if (response.ok && typeof body.generation === 'string') return body.generation;
      this.log.warn({ service, status: response.status }, 'a subgraph did not give its write generation');
    } catch (error) {
      this.log.warn({ service, err: error }, 'a subgraph did not give its write generation');
    }
    return null;
  }
}

/** Stored answers, least recently used first out, within a byte budget. */
class Store {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    this.delete(key);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Whether the document selects a field whose description starts with CONFIDENTIAL; computed once per document. */
function confidentialIn(schema: GraphQLSchema, document: DocumentNode, memo: WeakMap<DocumentNode, boolean>): boolean {
  let found = memo.get(document);
  if (found !== undefined) return found;
  found = false;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        if (typeInfo.getFieldDef()?.description?.trimStart().startsWith('CONFIDENTIAL')) found = true;
      },
    }),
  );
  memo.set(document, found);
  return found;
}

export interface ResponseCacheOptions {
  maxBytes: number;
  ttlMs: number;
}

export interface ResponseCache {
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Answers stored now (tests and /metrics read it). */
  size: () => number;
}

type Outcome =
  { kind: 'bypass' } | { kind: 'hit'; ageSeconds: number } | { kind: 'miss'; key: string; snapshot: Map<string, string | null> };

const keyOf = (context: GraphQLRequestContext<GatewayContext>) =>
  createHash('sha256')
    .update(context.queryHash ?? '')
    .update('\0')
    .update(context.operationName ?? '')
    .update('\0')
    .update(JSON.stringify(context.request.variables ?? {}))
    .digest('hex');

export function createResponseCache(
  generations: WriteGenerations,
  services: readonly string[],
  options: ResponseCacheOptions,
): ResponseCache {
  const store = new Store(options.maxBytes);
  const confidential = new WeakMap<DocumentNode, boolean>();
  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart(started) {
      const arrived = performance.now();
      // Requests the gateway runs itself (the report's documents) have no HTTP part: they pass by.
      const anonymous = started.request.http !== undefined && !started.contextValue.authorization;
      let outcome: Outcome = { kind: 'bypass' };
      return {
        async responseForOperation(context) {
          if (!anonymous || context.operation?.operation !== OperationTypeNode.QUERY) return null;
          if (confidentialIn(context.schema, context.document, confidential)) return null;
          const key = keyOf(context);
          const entry = store.get(key);
          if (entry && Date.now() - entry.storedAt < options.ttlMs) {
            const now = await Promise.all([...entry.generations].map(([service]) => generations.fresh(service, arrived)));
            if ([...entry.generations.values()].every((generation, i) => now[i] === generation)) {
              outcome = { kind: 'hit', ageSeconds: Math.floor((Date.now() - entry.storedAt) / 1000) };
              const singleResult = JSON.parse(entry.body) as FormattedExecutionResult;
              return { http: { status: 200, headers: new HeaderMap() }, body: { kind: 'single', singleResult } };
            }
          }
          if (entry) store.delete(key);
          // What the gateway knew before reading: a write it learns of later makes the answer older, never newer.
          outcome = { kind: 'miss', key, snapshot: new Map(services.map((service) => [service, generations.known(service)])) };
          context.contextValue.fetched = new Set();
          return null;
        },
        async willSendResponse({ response, contextValue }) {
          const headers = response.http.headers;
          if (outcome.kind === 'bypass') {
            headers.set('cache-control', PRIVATE);
            return;
          }
          headers.set('cache-control', PUBLIC);
          if (outcome.kind === 'hit') {
            headers.set('age', String(outcome.ageSeconds));
            return;
          }
          const { key, snapshot } = outcome;
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || !result.data) return;
          const read = [...(contextValue.fetched ?? [])];
          // Stored only when the generation of every subgraph it read was known before reading.
          if (read.length === 0 || read.some((service) => snapshot.get(service) == null)) {
            // The first reads of a subgraph learn its generation for the next answers.
            read.forEach((service) => void generations.fresh(service, performance.now()));
            return;
          }
          const body = JSON.stringify(result);
          const entry: Entry = {
            body,
            generations: new Map(read.map((service) => [service, snapshot.get(service)!])),
            storedAt: Date.now(),
            bytes: body.length * 2 + key.length * 2 + 200,
          };
          store.set(key, entry);
        },
      };
    },
  };
  return { plugin, size: () => store.size };
}
