import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
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
import { encodeJson } from '../services/platform/answer-encoding';
import type { StoredResponse } from '../services/platform/http';
import type { GatewayContext } from './context';
import { httpOperationOf } from './http-operation';
import type { AnswerStore, StoredAnswer } from './response-store';
import { documentHash } from './trusted-documents';
import type { WriteGenerations } from './write-generations';

/**
 * The response cache (RESPONSE_CACHE, docs/performance.md#the-response-cache): the answers of anonymous
 * queries, by document, operation name and variables, in this gateway process or in Redis (response-store.ts).
 *
 * An answer is kept with the write generation (services/kit/write-generation.ts) of each subgraph it read,
 * as the gateway last knew it before reading; a write transaction raises its subgraph's generation as it
 * commits. Before a stored answer is served, the generation of each of its subgraphs is read again by a
 * check that started after the request arrived (write-generations.ts): served only when none moved, so it
 * is never older than a write committed before the request came, whichever gateway, replica or client made
 * the write through a subgraph.
 *
 * An answer is stored once it has been sent (learn, told by the HTTP layer), with its headers and the Accept
 * header they were negotiated for; a request with the same key and Accept is then answered by the HTTP
 * layer (lookup) before Apollo Server parses anything. Never stored: a request with an Authorization header
 * (even one the subgraphs refuse), a mutation, a subscription, an answer with errors, and an operation that
 * selects a CONFIDENTIAL field (their schema descriptions say so), although an anonymous reader gets null there.
 */

/** What the client is told in `cache-control`: anonymous answers may be stored but must be checked again; the rest never. */
const PUBLIC = 'public, no-cache';
const PRIVATE = 'private, no-store';

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

/** The key of an HTTP request as the plugin would compute it: a POST's JSON body, or a GET's query string; undefined when it cannot tell. */
function keyOfHttp(method: string | undefined, body: unknown, search: URLSearchParams): string | undefined {
  const operation = httpOperationOf(method, body, search);
  if (!operation || operation.notJson.length > 0) return undefined;
  const { query, operationName, variables, extensions } = operation;
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  const hash = typeof query === 'string' && query !== '' ? documentHash(query) : typeof persisted === 'string' ? persisted : undefined;
  return hash === undefined ? undefined : keyFrom(hash, operationName, variables);
}

export interface ResponseCache {
  plugin: ApolloServerPlugin<GatewayContext>;
  /**
   * The stored answer of an HTTP request, checked as the plugin checks it, when one was stored for the same
   * Accept header; undefined to run the request (the plugin may still serve it).
   */
  lookup: (
    req: IncomingMessage,
    body: unknown,
    search: URLSearchParams,
  ) => Promise<(StoredResponse & { operationName: string | null }) | undefined>;
  /** Told the status and headers an answer was sent with: the answer is stored then. */
  learn: (context: GatewayContext, req: IncomingMessage, status: number, headers: HeaderMap) => void;
  close: () => Promise<void>;
}

type Outcome = { kind: 'bypass' } | { kind: 'hit'; age: string } | { kind: 'miss' };

export function createResponseCache(
  generations: WriteGenerations,
  services: readonly string[],
  store: AnswerStore,
  ttlMs: number,
): ResponseCache {
  const confidential = new WeakMap<DocumentNode, boolean>();
  generations.watch();
  /**
   * The answer under `key` if it may be served to a request that arrived at `arrived`: young enough, and no
   * generation it read moved since. A watched generation under a running lease needs no request; any other
   * is checked by a request that started after `arrived`.
   */
  const valid = async (key: string, answer: StoredAnswer | undefined, arrived: number): Promise<StoredAnswer | undefined> => {
    if (!answer) return undefined;
    if (Date.now() - answer.storedAt < ttlMs) {
      const read = Object.entries(answer.generations);
      const watched = read.map(([service]) => generations.current(service));
      const now = watched.every((value) => value !== undefined)
        ? watched
        : await Promise.all(
            read.map(([service], i) => (watched[i] !== undefined ? Promise.resolve(watched[i]) : generations.fresh(service, arrived))),
          );
      if (read.every(([, generation], i) => now[i] === generation)) return answer;
    }
    await store.delete(key);
    return undefined;
  };
  const ageOf = (answer: StoredAnswer) => String(Math.floor((Date.now() - answer.storedAt) / 1000));

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart(started) {
      const arrived = performance.now();
      // Requests the gateway runs itself (the report's documents) have no HTTP part: they pass by.
      const anonymous = started.request.http !== undefined && !started.contextValue.authorization;
      let outcome: Outcome = { kind: 'bypass' };
      let key = '';
      let snapshot = new Map<string, string | null>();
      return {
        async responseForOperation(context) {
          if (!anonymous || !context.contextValue.cache || context.operation?.operation !== OperationTypeNode.QUERY) return null;
          if (confidentialIn(context.schema, context.document, confidential)) return null;
          key = keyOf(context);
          const answer = await valid(key, await store.get(key), arrived);
          if (answer) {
            outcome = { kind: 'hit', age: ageOf(answer) };
            const singleResult = JSON.parse(answer.body.toString('utf8')) as FormattedExecutionResult;
            return { http: { status: 200, headers: new HeaderMap() }, body: { kind: 'single', singleResult } };
          }
          // What the gateway knew before reading: a write it learns of later makes the answer older, never newer.
          snapshot = new Map(services.map((service) => [service, generations.known(service)]));
          context.contextValue.cache.fetched = new Set();
          outcome = { kind: 'miss' };
          return null;
        },
        async willSendResponse({ response, contextValue, request }) {
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
          const cache = contextValue.cache;
          if (!cache || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || !result.data) return;
          const read = [...(cache.fetched ?? [])];
          // Kept only when the generation of every subgraph it read was known before reading.
          if (read.length === 0 || read.some((service) => snapshot.get(service) == null)) {
            // The first reads of a subgraph learn its generation for the next answers.
            read.forEach((service) => void generations.fresh(service, performance.now()));
            return;
          }
          cache.pending = {
            key,
            answer: {
              body: encodeJson(result),
              generations: Object.fromEntries(read.map((service) => [service, snapshot.get(service)!])),
              storedAt: Date.now(),
              operationName: request.operationName ?? null,
              accept: '',
              headers: {},
            },
          };
        },
      };
    },
  };

  return {
    plugin,
    async lookup(req, body, search) {
      if (req.headers.authorization !== undefined) return undefined;
      const arrived = performance.now();
      const key = keyOfHttp(req.method, body, search);
      if (key === undefined) return undefined;
      const stored = await store.get(key);
      if (!stored || stored.accept !== (req.headers.accept ?? '')) return undefined;
      const answer = await valid(key, stored, arrived);
      if (!answer) return undefined;
      return { status: 200, headers: { ...answer.headers, age: ageOf(answer) }, body: answer.body, operationName: answer.operationName };
    },
    learn(context, req, status, headers) {
      const pending = context.cache?.pending;
      if (!pending || status !== 200) return;
      context.cache!.pending = undefined;
      const kept = Object.fromEntries([...headers].filter(([name]) => !OWN_HEADERS.has(name.toLowerCase())));
      void store.set(pending.key, { ...pending.answer, accept: req.headers.accept ?? '', headers: kept });
    },
    close: () => {
      generations.stop();
      return store.close();
    },
  };
}
