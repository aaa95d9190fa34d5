import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { Config } from './config';
import { DEFAULT_PAGE_SIZE, LIST_CAPS, MAX_PAGE_SIZE } from './limits';

/**
 * What one operation may ask, measured the same way at the gateway's edge (gateway/edge.ts), by the live
 * feed for a subscription, and by every subgraph for what reaches it: depth, aliases and cost. The
 * token limit is the parser's (parseOptions.maxTokens).
 */

/** How deep an operation may nest fields. */
export const MAX_QUERY_DEPTH = 12;

export type OperationLimits = Config['edge'];

export interface Measure {
  depth: number;
  cost: number;
  aliases: number;
  /** Fields of the selection set itself (fragments expanded): the root fields, for the rate limit. */
  fields: number;
}

export interface MeasureOptions {
  /**
   * What a `__typename` costs: 1 at the edge; 0 in a subgraph, where the gateway adds `__typename` next to
   * the key of every entity it joins, so that its fetches cost what the client's operation was priced at.
   */
  typenameCost?: number;
}

const NOTHING: Measure = { depth: 0, cost: 0, aliases: 0, fields: 0 };

/**
 * Depth, cost and aliases of an operation, fragments expanded. Each fragment is measured once per
 * context (memoized), so that fragments spreading each other twice over cannot make this exponential.
 *
 * Cost: every field costs 1, and what a list field selects is counted once per element it may return:
 * for a field with a `first` argument, its value (its variable's too; `last`'s for a backward page), else
 * the argument's default in the schema, else MAX_PAGE_SIZE for a list and DEFAULT_PAGE_SIZE for a connection; for any other list,
 * its cap in LIST_CAPS (`Type.field`), else MAX_PAGE_SIZE (a list left out of LIST_CAPS is priced high,
 * not low); the `nodes`/`edges` of a connection are already counted by its page. Introspection adds no depth (the standard introspection query is 15 deep) and
 * no list multiplier: graphql-js's MaxIntrospectionDepthRule bounds its nesting of lists; each of its
 * fields still costs 1.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  options: MeasureOptions = {},
): Measure & { readsVariables: boolean } {
  const typenameCost = options.typenameCost ?? 1;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, Measure>();
  let readsVariables = false;

  const pageSize = (node: FieldNode, definition: GraphQLField<unknown, unknown>, isList: boolean): number => {
    // A connection's backward page (`last`) is as large as a forward one; given both, the larger prices it.
    const sizes = ['first', 'last'].filter((name) => node.arguments?.some((arg) => arg.name.value === name));
    if (sizes.length > 1) return Math.max(...sizes.map((name) => givenSize(node, definition, isList, name)));
    return givenSize(node, definition, isList, sizes[0] ?? 'first');
  };

  const givenSize = (node: FieldNode, definition: GraphQLField<unknown, unknown>, isList: boolean, name: string): number => {
    const declared = definition.args.find((arg) => arg.name === name);
    const first = definition.args.find((arg) => arg.name === 'first');
    const fallback = typeof first?.defaultValue === 'number' ? first.defaultValue : isList ? MAX_PAGE_SIZE : DEFAULT_PAGE_SIZE;
    const argument = node.arguments?.find((arg) => arg.name.value === name);
    if (!argument) return Math.min(fallback, MAX_PAGE_SIZE);
    let value: unknown = MAX_PAGE_SIZE;
    if (argument.value.kind === Kind.VARIABLE) {
      readsVariables = true;
      value = variables?.[argument.value.name.value] ?? fallback;
    } else if (declared) value = valueFromAST(argument.value, declared.type);
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 1), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  };

  const field = (node: FieldNode, parent: GraphQLNamedType | undefined, inPage: boolean, introspection: boolean): Measure => {
    const alias = node.alias ? 1 : 0;
    const name = node.name.value;
    if (name === '__typename') return { depth: introspection ? 0 : 1, cost: typenameCost, aliases: alias, fields: 1 };
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    const inner = (type: GraphQLNamedType | undefined, page: boolean, intro: boolean) =>
      node.selectionSet ? selections(node.selectionSet, type, page, intro) : NOTHING;
    if (introspection || name.startsWith('__')) {
      const children = inner(definition && getNamedType(definition.type), false, true);
      return { depth: 0, cost: 1 + children.cost, aliases: alias + children.aliases, fields: 1 };
    }
    if (name === '_entities' && parent === root && node.selectionSet) {
      const children = entities(node, node.selectionSet);
      return { depth: 1 + children.depth, cost: 1 + children.cost, aliases: alias + children.aliases, fields: 1 };
    }
    const isList = definition ? isListType(getNullableType(definition.type)) : false;
    const paginated = definition?.args.some((arg) => arg.name === 'first') ?? false;
    const times = paginated
      ? pageSize(node, definition!, isList)
      : isList && !inPage
        ? (LIST_CAPS[`${parent?.name}.${name}`] ?? MAX_PAGE_SIZE)
        : 1;
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

  /**
   * A subgraph's `_entities`: each representation resolves to one entity of its __typename, so what is
   * selected on that type counts once per representation (given, in a variable or inline).
   */
  const entities = (node: FieldNode, set: SelectionSetNode): Measure => {
    const argument = node.arguments?.find((arg) => arg.name.value === 'representations');
    let representations: unknown = undefined;
    if (argument?.value.kind === Kind.VARIABLE) {
      readsVariables = true;
      representations = variables?.[argument.value.name.value];
    } else if (argument) representations = valueFromASTUntyped(argument.value);
    const perType = new Map<string, number>();
    for (const representation of Array.isArray(representations) ? representations : []) {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      const key = typeof typename === 'string' ? typename : '';
      perType.set(key, (perType.get(key) ?? 0) + 1);
    }
    const union = schema.getType('_Entity') ?? undefined;
    // Depth and aliases are what the text holds, whatever the representations.
    const total = { ...selections(set, union, false, false), cost: 0 };
    for (const [typename, count] of perType) {
      const onType = (selection: SelectionNode) =>
        selection.kind === Kind.FIELD ||
        (selection.kind === Kind.INLINE_FRAGMENT
          ? !selection.typeCondition || selection.typeCondition.name.value === typename
          : fragments.get(selection.name.value)?.typeCondition.name.value === typename);
      total.cost += count * selections({ ...set, selections: set.selections.filter(onType) }, union, false, false).cost;
    }
    return total;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return { ...selections(operation.selectionSet, root, false, false), readsVariables };
}

const tooComplex = (limit: string, maximum: number, actual: number, message: string) =>
  new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, maximum, actual: Number.isFinite(actual) ? actual : null, http: { status: 400 } },
  });

/** QUERY_TOO_COMPLEX when an operation's measure is over a limit. */
export function overLimitError(measure: Measure, limits: OperationLimits): GraphQLError | undefined {
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

export interface LimitsPluginOptions<C extends BaseContext> extends MeasureOptions {
  /** Runs after an operation is measured and found within the limits (the edge's mutation rate limit). */
  then?: (measure: Measure, request: GraphQLRequestContextDidResolveOperation<C>) => Promise<void> | void;
}

/**
 * The limits as an Apollo Server plugin: an operation over one is refused with QUERY_TOO_COMPLEX
 * (HTTP 400) before anything runs. Used by the gateway's edge and by every subgraph, which also sets the
 * token limit (parseOptions.maxTokens) to the same value.
 */
export function operationLimitsPlugin<C extends BaseContext>(
  limits: OperationLimits,
  options: LimitsPluginOptions<C> = {},
): ApolloServerPlugin<C> {
  // Measures of documents whose cost reads no variable, by operation: Apollo's document cache hands
  // out the same DocumentNode for the same query, so a repeated query is measured once.
  const measured = new WeakMap<DocumentNode, Map<string, Measure>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(request) {
          const { schema, document, operation } = request;
          if (!operation) return;
          const name = operation.name?.value ?? '';
          let measure = measured.get(document)?.get(name);
          if (!measure) {
            const { readsVariables, ...fresh } = measureOperation(schema, document, operation, request.request.variables, options);
            measure = fresh;
            if (!readsVariables) {
              if (!measured.has(document)) measured.set(document, new Map());
              measured.get(document)!.set(name, fresh);
            }
          }
          const overLimit = overLimitError(measure, limits);
          if (overLimit) throw overLimit;
          await options.then?.(measure, request);
        },
      };
    },
  };
}
