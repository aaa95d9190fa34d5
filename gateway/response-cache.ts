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
import type { IncomingMessage } from 'node:http';
import type { StoredResponse } from '../services/platform/http';
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
  operationName: string | null;
  /**
   * The headers the answer was sent with, and the Accept header it was negotiated for (learn): a request with
   * the same Accept is then answered straight from the HTTP layer (lookup), before Apollo Server parses anything.
   */
  replay?: { accept: string; headers: Record<string, string>; bytes: Buffer };
}

/** Headers of one response only, never sent again: the request's own id and counters, the age (recomputed), the length. */
const OWN_HEADERS = new Set([
  'x-request-id',
  'x-subgraph-fetches',
  'x-sql-statements',
  'age',
  'content-length',
  'date',
  'connection',
  'keep-alive',
]);

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

  peek(key: string): Entry | undefined {
    return this.entries.get(key);
  }

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

  /** An entry grew (its encoded bytes were added): the budget counts them. */
  resize(entry: Entry, bytes: number): void {
    this.bytes += bytes - entry.bytes;
    entry.bytes = bytes;
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
  /**
   * The stored answer of an HTTP request, checked as the plugin checks it, when one was stored and already
   * sent for the same Accept header; undefined to run the request (the plugin may still serve it).
   */
  lookup: (
    req: IncomingMessage,
    body: unknown,
    search: URLSearchParams,
  ) => Promise<(StoredResponse & { operationName: string | null }) | undefined>;
  /** Told the headers an answer was sent with: what lookup sends again. */
  learn: (context: GatewayContext, req: IncomingMessage, status: number, headers: HeaderMap) => void;
  /** Answers stored now (tests and /metrics read it). */
  size: () => number;
}

type Outcome = { kind: 'bypass' } | { kind: 'hit'; age: string } | { kind: 'miss'; key: string; snapshot: Map<string, string | null> };

/** The key of an answer: the document's hash as Apollo Server computes it, the operation name and the variables as sent. */
const keyFrom = (queryHash: string, operationName: unknown, variables: unknown) =>
  createHash('sha256')
    .update(queryHash)
    .update('\0')
    .update(typeof operationName === 'string' ? operationName : '')
    .update('\0')
    .update(JSON.stringify(variables ?? {}))
    .digest('hex');

const keyOf = (context: GraphQLRequestContext<GatewayContext>) =>
  keyFrom(context.queryHash ?? '', context.request.operationName, context.request.variables);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The key of an HTTP request as the plugin would compute it: a POST's JSON body, or a GET's query string; undefined when it cannot tell. */
function keyOfHttp(method: string | undefined, body: unknown, search: URLSearchParams): string | undefined {
  let query: unknown;
  let operationName: unknown;
  let variables: unknown;
  let extensions: unknown;
  if (method === 'POST') {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
    ({ query, operationName, variables, extensions } = body as Record<string, unknown>);
  } else if (method === 'GET') {
    query = search.get('query') ?? undefined;
    operationName = search.get('operationName') ?? undefined;
    try {
      variables = search.has('variables') ? (JSON.parse(search.get('variables')!) as unknown) : undefined;
      extensions = search.has('extensions') ? (JSON.parse(search.get('extensions')!) as unknown) : undefined;
    } catch {
      return undefined;
    }
  } else return undefined;
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  const hash = typeof query === 'string' && query !== '' ? sha256(query) : typeof persisted === 'string' ? persisted : undefined;
  return hash === undefined ? undefined : keyFrom(hash, operationName, variables);
}

export function createResponseCache(
  generations: WriteGenerations,
  services: readonly string[],
  options: ResponseCacheOptions,
): ResponseCache {
  const store = new Store(options.maxBytes);
  const confidential = new WeakMap<DocumentNode, boolean>();
  /** The entry under `key` if it may be served to a request that arrived at `arrived`: young enough, and no generation it read moved since. */
  const valid = async (key: string, arrived: number): Promise<Entry | undefined> => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.storedAt < options.ttlMs) {
      const now = await Promise.all([...entry.generations.keys()].map((service) => generations.fresh(service, arrived)));
      if ([...entry.generations.values()].every((generation, i) => now[i] === generation)) return entry;
    }
    if (store.peek(key) === entry) store.delete(key);
    return undefined;
  };
  const ageOf = (entry: Entry) => String(Math.floor((Date.now() - entry.storedAt) / 1000));
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
          const entry = await valid(key, arrived);
          if (entry) {
            outcome = { kind: 'hit', age: ageOf(entry) };
            const singleResult = JSON.parse(entry.body) as FormattedExecutionResult;
            return { http: { status: 200, headers: new HeaderMap() }, body: { kind: 'single', singleResult } };
          }
          // What the gateway knew before reading: a write it learns of later makes the answer older, never newer.
          outcome = { kind: 'miss', key, snapshot: new Map(services.map((service) => [service, generations.known(service)])) };
          if (context.contextValue.cache) context.contextValue.cache.fetched = new Set();
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
            headers.set('age', outcome.age);
            return;
          }
          const { key, snapshot } = outcome;
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || !result.data) return;
          const read = [...(contextValue.cache?.fetched ?? [])];
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
            operationName: started.request.operationName ?? null,
          };
          store.set(key, entry);
          if (contextValue.cache) contextValue.cache.storedAs = key;
        },
      };
    },
  };
  return {
    plugin,
    size: () => store.size,
    async lookup(req, body, search) {
      if (req.headers.authorization !== undefined) return undefined;
      const arrived = performance.now();
      const key = keyOfHttp(req.method, body, search);
      if (key === undefined || store.peek(key)?.replay?.accept !== (req.headers.accept ?? '')) return undefined;
      const entry = await valid(key, arrived);
      if (!entry?.replay) return undefined;
      return {
        status: 200,
        headers: { ...entry.replay.headers, age: ageOf(entry) },
        body: entry.replay.bytes,
        operationName: entry.operationName,
      };
    },
    learn(context, req, status, headers) {
      const storedAs = context.cache?.storedAs;
      const entry = storedAs === undefined ? undefined : store.peek(storedAs);
      if (!entry || status !== 200) return;
      const kept = Object.fromEntries([...headers].filter(([name]) => !OWN_HEADERS.has(name.toLowerCase())));
      // Encoded once: a hit writes the bytes as they are.
      const bytes = Buffer.from(entry.body, 'utf8');
      store.resize(entry, entry.bytes + bytes.length);
      entry.replay = { accept: req.headers.accept ?? '', headers: kept, bytes };
    },
  };
}
