import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type FieldNode,
} from 'graphql';
import type { Config } from '../services/platform/config';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../services/platform/limits';
import type { GatewayContext } from './context';
import { MAX_QUERY_DEPTH } from './depth';

/**
 * The gateway's edge: limits on what one operation may ask (depth, aliases, cost) and on how many
 * mutations one client address may send. The others are Apollo Server's and http.ts's, set in
 * gateway.ts: tokens (parseOptions.maxTokens: the parser stops there), batching (refused:
 * allowBatchedHttpRequests stays false), introspection, and the 1 MB body limit.
 */

/** What a list field without a `first` argument is assumed to hold (countries of an agreement, languages...). */
export const LIST_SIZE = 5;

export type EdgeLimits = Config['edge'];

interface Measure {
  depth: number;
  cost: number;
  aliases: number;
  /** Fields of the selection set itself (fragments expanded): the root fields, for the rate limit. */
  fields: number;
}

const NOTHING: Measure = { depth: 0, cost: 0, aliases: 0, fields: 0 };

/**
 * Depth, cost and aliases of an operation, fragments expanded. Each fragment is measured once per
 * context (memoized), so that fragments spreading each other twice over cannot make this exponential.
 *
 * Cost: every field costs 1, and what a list field selects is counted once per element it may return:
 * `first` (its variable's value too) for a paginated field, else MAX_PAGE_SIZE for a list and
 * DEFAULT_PAGE_SIZE for a connection (the subgraphs' defaults); LIST_SIZE for any other list, except
 * the `nodes`/`edges` of a connection, already counted by its page. Introspection adds no depth (the
 * standard introspection query is 15 deep) and no list multiplier: graphql-js's MaxIntrospectionDepthRule
 * bounds its nesting of lists; each of its fields still costs 1.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Measure & { readsVariables: boolean } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, Measure>();
  let readsVariables = false;

  const pageSize = (node: FieldNode, isList: boolean): number => {
    const fallback = isList ? MAX_PAGE_SIZE : DEFAULT_PAGE_SIZE;
    const argument = node.arguments?.find((arg) => arg.name.value === 'first');
    if (!argument) return fallback;
    let value: unknown = MAX_PAGE_SIZE;
    if (argument.value.kind === Kind.INT) value = Number(argument.value.value);
    else if (argument.value.kind === Kind.VARIABLE) {
      readsVariables = true;
      value = variables?.[argument.value.name.value] ?? MAX_PAGE_SIZE;
    }
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 1), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  };

  const field = (node: FieldNode, parent: GraphQLNamedType | undefined, inPage: boolean, introspection: boolean): Measure => {
    const alias = node.alias ? 1 : 0;
    const name = node.name.value;
    if (name === '__typename') return { depth: introspection ? 0 : 1, cost: 1, aliases: alias, fields: 1 };
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    const inner = (type: GraphQLNamedType | undefined, page: boolean, intro: boolean) =>
      node.selectionSet ? selections(node.selectionSet, type, page, intro) : NOTHING;
    if (introspection || name.startsWith('__')) {
      const children = inner(definition && getNamedType(definition.type), false, true);
      return { depth: 0, cost: 1 + children.cost, aliases: alias + children.aliases, fields: 1 };
    }
    const isList = definition ? isListType(getNullableType(definition.type)) : false;
    const paginated = definition?.args.some((arg) => arg.name === 'first') ?? false;
    const times = paginated ? pageSize(node, isList) : isList && !inPage ? LIST_SIZE : 1;
    const children = inner(definition && getNamedType(definition.type), paginated && !isList, false);
    return { depth: 1 + children.depth, cost: 1 + times * children.cost, aliases: alias + children.aliases, fields: 1 };
  };

  const selections = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, inPage: boolean, introspection: boolean): Measure => {
    const total = { depth: 0, cost: 0, aliases: 0, fields: 0 };
    for (const selection of set.selections) {
      let part: Measure;
      if (selection.kind === Kind.FIELD) part = field(selection, parent, inPage, introspection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        part = selections(selection.selectionSet, type ?? undefined, inPage, introspection);
      } else part = spread(selection.name.value, inPage, introspection);
      total.depth = Math.max(total.depth, part.depth);
      total.cost += part.cost;
      total.aliases += part.aliases;
      total.fields += part.fields;
    }
    return total;
  };

  const spread = (name: string, inPage: boolean, introspection: boolean): Measure => {
    const key = `${name}|${inPage}|${introspection}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return NOTHING;
    // A cycle (validation refuses those first) measures as unbounded while it is being measured.
    memo.set(key, { depth: Infinity, cost: Infinity, aliases: Infinity, fields: Infinity });
    const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
    const measured = selections(fragment.selectionSet, type, inPage, introspection);
    memo.set(key, measured);
    return measured;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return { ...selections(operation.selectionSet, root, false, false), readsVariables };
}

/**
 * Mutations per client address, a token bucket each: `perMinute` may come at once, then one every
 * 60/perMinute seconds. In memory, so per gateway process: with GATEWAY_WORKERS > 1 each worker
 * counts on its own (node:cluster spreads connections round-robin, so one address gets up to
 * workers x perMinute). IPv6 addresses count per /64, the block one subscriber usually holds.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxAddresses = 100_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes `count` tokens for the address: 0 when granted, else the seconds to wait before asking again. */
  take(address: string, count = 1): number {
    const key = addressKey(address);
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (!this.buckets.has(key)) this.remember(key, bucket);
    if (count > this.perMinute) return 60;
    if (bucket.tokens >= count) {
      bucket.tokens -= count;
      return 0;
    }
    return Math.max(1, Math.ceil((count - bucket.tokens) / this.perMs / 1000));
  }

  private remember(key: string, bucket: { tokens: number; at: number }): void {
    if (this.buckets.size >= this.maxAddresses) {
      // Full buckets hold nothing worth keeping; if too many remain, the oldest addresses are forgotten.
      const now = this.now();
      for (const [other, { tokens, at }] of this.buckets) {
        if (tokens + (now - at) * this.perMs >= this.perMinute) this.buckets.delete(other);
      }
      for (const other of this.buckets.keys()) {
        if (this.buckets.size < this.maxAddresses) break;
        this.buckets.delete(other);
      }
    }
    this.buckets.set(key, bucket);
  }
}

/** An IPv4 address as is (also when IPv4-mapped); an IPv6 address as its /64. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail] = address.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => (parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`;
}

function refuse(message: string, extensions: Record<string, unknown>, status = 400, headers?: HeaderMap): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, http: { status, headers: headers ?? new HeaderMap() } } });
}

const tooComplex = (limit: string, maximum: number, actual: number, message: string) =>
  refuse(message, { code: 'QUERY_TOO_COMPLEX', limit, maximum, actual: Number.isFinite(actual) ? actual : null });

/** QUERY_TOO_COMPLEX when an operation's measure is over a limit (the live feed checks subscriptions with it too). */
export function overLimitError(measure: Measure, limits: EdgeLimits): GraphQLError | undefined {
  if (measure.depth > MAX_QUERY_DEPTH) {
    return tooComplex(
      'depth',
      MAX_QUERY_DEPTH,
      measure.depth,
      `The operation nests ${measure.depth} levels deep; at most ${MAX_QUERY_DEPTH} are allowed.`,
    );
  }
  if (measure.aliases > limits.maxAliases) {
    return tooComplex(
      'aliases',
      limits.maxAliases,
      measure.aliases,
      `The operation uses ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed.`,
    );
  }
  if (measure.cost > limits.maxCost) {
    return tooComplex(
      'cost',
      limits.maxCost,
      measure.cost,
      `The operation may return up to ${measure.cost} fields; at most ${limits.maxCost} are allowed. Ask for smaller pages (first) or fewer fields.`,
    );
  }
  return undefined;
}

/** The gateway's edge as an Apollo Server plugin; the client address comes from the context's `clientAddress`. */
export function edgePlugin(limits: EdgeLimits): ApolloServerPlugin<GatewayContext> {
  const limiter = limits.mutationsPerMinute > 0 ? new RateLimiter(limits.mutationsPerMinute) : undefined;
  // Measures of documents whose cost reads no variable, by operation: Apollo's document cache hands
  // out the same DocumentNode for the same query, so a repeated query is measured once.
  const measured = new WeakMap<DocumentNode, Map<string, Measure>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const name = operation.name?.value ?? '';
          let measure = measured.get(document)?.get(name);
          if (!measure) {
            const { readsVariables, ...fresh } = measureOperation(schema, document, operation, request.variables);
            measure = fresh;
            if (!readsVariables) {
              if (!measured.has(document)) measured.set(document, new Map());
              measured.get(document)!.set(name, fresh);
            }
          }
          const overLimit = overLimitError(measure, limits);
          if (overLimit) throw overLimit;
          if (limiter && operation.operation === OperationTypeNode.MUTATION) {
            const address = contextValue.clientAddress ?? 'unknown';
            const retryAfterSeconds = limiter.take(address, Math.max(1, measure.fields));
            if (retryAfterSeconds > 0) {
              throw refuse(
                `Too many changes from your address: at most ${limits.mutationsPerMinute} a minute. Try again in ${retryAfterSeconds} s.`,
                { code: 'RATE_LIMITED', retryAfterSeconds },
                429,
                new HeaderMap([['retry-after', String(retryAfterSeconds)]]),
              );
            }
          }
        },
      };
    },
  };
}
