import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FetchDataRewrite, FetchNode, PlanNode, QueryPlanSelectionNode, ResponsePath } from '@apollo/query-planner';
import { OPERATION_PLACEHOLDER } from '../../services/platform/normalized-operation';
import { GraphQLError, isAbstractType, isInterfaceType, isObjectType, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';

/**
 * Runs the fetches of a query plan from @apollo/query-planner and merges what the subgraphs answer into one
 * tree, as @apollo/gateway's executeQueryPlan does (the same fetches, variables, representations, merge and
 * error paths), without its tracing: shaping that tree into the client's answer is result-shape.ts's.
 */

type Data = Record<string, unknown>;
type Services = Record<string, GraphQLDataSource>;
type IncomingRequestContext = Extract<
  GraphQLDataSourceProcessOptions,
  { kind: unknown; incomingRequestContext: unknown }
>['incomingRequestContext'];

export interface PlanRun {
  services: Services;
  /** The supergraph's schema: type conditions in `requires` and rewrites name types the API schema hides. */
  supergraphSchema: GraphQLSchema;
  /** The client's variables as sent: each fetch takes the ones its operation uses. */
  variables: Record<string, unknown>;
  /** Which branch a `Condition` node (@skip/@include on a deferred part) takes. */
  condition: (variable: string) => boolean;
  /** What the data sources are given: the request and its context. */
  requestContext: IncomingRequestContext;
  /** The subgraphs' errors, and fetches that failed (a subgraph out of reach: SUBGRAPH_UNAVAILABLE). */
  errors: Error[];
  /**
   * The client's operation name, for a plan made for a normalized document: its fetches are named after
   * OPERATION_PLACEHOLDER, and are sent named after the client's operation, as a plan of the client's
   * document would have named them.
   */
  fetchName?: string;
}

interface Cursor {
  path: ResponsePath;
  data: Data | Data[];
  fullResult: Data;
}

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets an own property, also for a key such as "__proto__" that an assignment would not create. */
function setOwn(target: Data, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** @apollo/gateway's deepMerge: objects key by key, lists of the same length element by element. */
function deepMerge(target: Data, source: unknown): void {
  if (!isObject(source)) return;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    const existing: unknown = Object.hasOwn(target, key) ? target[key] : undefined;
    if (existing && isObject(value) && isObject(existing)) deepMerge(existing, value);
    else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      const into = existing as unknown[];
      for (let i = 0; i < value.length; i += 1) {
        if (isObject(into[i]) && isObject(value[i])) deepMerge(into[i] as Data, value[i]);
        else into[i] = value[i];
      }
    } else setOwn(target, key, value);
  }
}

/** The entities at a Flatten path: `@` steps into every element of a list. Collected into one list, in order. */
function flatten(value: unknown, path: ResponsePath): unknown {
  if (!path.includes('@')) return walkPath(value, path, 0);
  const found: unknown[] = [];
  collect(value, path, 0, found);
  return found;
}

function walkPath(value: unknown, path: ResponsePath, from: number): unknown {
  let at = value;
  for (let i = from; i < path.length && at !== undefined && at !== null; i += 1) {
    const step = path[i] as string;
    at = Object.hasOwn(at, step) ? (at as Data)[step] : undefined;
  }
  return at;
}

function collect(value: unknown, path: ResponsePath, from: number, found: unknown[]): void {
  let at = value;
  for (let i = from; i < path.length; i += 1) {
    if (at === undefined || at === null) return;
    const step = path[i];
    if (step === '@') {
      for (const element of at as unknown[]) collect(element, path, i + 1, found);
      return;
    }
    at = Object.hasOwn(at, step) ? (at as Data)[step as string] : undefined;
  }
  if (at === undefined || at === null) return;
  if (Array.isArray(at)) for (const element of at) found.push(element);
  else found.push(at);
}

/** @apollo/gateway's isObjectOfType: whether the object's __typename satisfies a type condition. */
function isOfType(schema: GraphQLSchema, object: Data, condition: string, unknownAnswer = false): boolean {
  const typename = object.__typename;
  if (!typename || typeof typename !== 'string') return unknownAnswer;
  if (typename === condition) return true;
  const type = schema.getType(typename);
  const conditional = schema.getType(condition);
  if (!type || !conditional || !isAbstractType(conditional)) return false;
  return (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(conditional, type);
}

/** The representation of an entity for a fetch's `requires`: null when a required field is missing. */
function represent(schema: GraphQLSchema, source: unknown, selections: readonly QueryPlanSelectionNode[]): Data | null {
  if (source === null || typeof source !== 'object') return null;
  const object = source as Data;
  const result: Data = {};
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const name = selection.alias ?? selection.name;
      const value = Object.hasOwn(object, name) ? object[name] : undefined;
      if (value === undefined) return null;
      const sub = selection.selections;
      if (Array.isArray(value))
        setOwn(
          result,
          name,
          (value as unknown[]).map((element) => (sub ? represent(schema, element, sub) : element)),
        );
      else setOwn(result, name, sub ? represent(schema, value, sub) : value);
    } else if (selection.typeCondition && isOfType(schema, object, selection.typeCondition)) {
      deepMerge(result, represent(schema, object, selection.selections));
    }
  }
  return result;
}

const FRAGMENT = '... on ';

/** Renames or sets a value at the paths the planner names (aliases it added, @interfaceObject typenames). */
function rewrite(schema: GraphQLSchema, rewrites: readonly FetchDataRewrite[] | undefined, value: unknown): void {
  if (!rewrites) return;
  for (const change of rewrites) {
    const parents = change.path.slice(0, -1);
    const last = change.path[change.path.length - 1];
    if (last === undefined) continue;
    const apply = (object: Data) => {
      if (change.kind === 'ValueSetter') setOwn(object, last, change.setValueTo);
      else if (Object.hasOwn(object, last) && object[last]) {
        setOwn(object, change.renameKeyTo, object[last]);
        object[last] = undefined;
      }
    };
    const walk = (at: unknown, step: number): void => {
      if (Array.isArray(at)) return at.forEach((element) => walk(element, step));
      if (!isObject(at)) return;
      if (step === parents.length) return apply(at);
      const element = parents[step];
      if (!element.startsWith(FRAGMENT)) walk(Object.hasOwn(at, element) ? at[element] : undefined, step + 1);
      else if (isOfType(schema, at, element.slice(FRAGMENT.length), true)) walk(at, step + 1);
    };
    walk(value, 0);
  }
}

/** Where a subgraph's error lies in the client's answer: entity errors (`_entities.N...`) at the N-th entity's path. */
function errorPaths(fetch: FetchNode, cursor: Cursor): (path: readonly (string | number)[] | undefined) => (string | number)[] | undefined {
  let entityPaths: (string | number)[][] | undefined;
  return (path) => {
    if (fetch.requires && typeof path?.[1] === 'number') {
      entityPaths ??= hydrated([], cursor.path, cursor.fullResult, []);
      return [...(entityPaths[path[1]] ?? []), ...path.slice(2)];
    }
    return path ? [...cursor.path, ...path] : undefined;
  };
}

function hydrated(parent: (string | number)[], path: ResponsePath, data: unknown, result: (string | number)[][]): (string | number)[][] {
  if (data === null || data === undefined) return result;
  const [head, ...rest] = path;
  if (head === undefined) result.push([...parent]);
  else if (head === '@' || (typeof head === 'string' && Array.isArray(data))) {
    (data as unknown[]).forEach((value, i) => hydrated([...parent, i], head === '@' ? rest : path, value, result));
  } else if (typeof head === 'string' && Object.hasOwn(data, head)) {
    hydrated([...parent, head], rest, (data as Data)[head], result);
  }
  return result;
}

/** A subgraph's error as the client sees it: its message and code, the subgraph's name, a path into the answer. */
function downstreamError(error: GraphQLFormattedError, service: string, pathOf: ReturnType<typeof errorPaths>): GraphQLError {
  const code = error.extensions?.code ?? 'DOWNSTREAM_SERVICE_ERROR';
  return new GraphQLError(error.message || `Error while fetching subquery from service "${service}"`, {
    originalError: error as Error,
    path: pathOf(error.path),
    extensions: { ...error.extensions, serviceName: service, code },
  });
}

/** The fetch's operation under the client's operation name (PlanRun.fetchName), if it has one. */
function named(fetch: FetchNode, name: string | undefined): { query: string; operationName: string | undefined } {
  const planned = fetch.operationName;
  if (!name || !planned?.startsWith(`${OPERATION_PLACEHOLDER}__`)) return { query: fetch.operation, operationName: planned };
  const operationName = name + planned.slice(OPERATION_PLACEHOLDER.length);
  return { query: fetch.operation.replace(planned, operationName), operationName };
}

async function fetchInto(run: PlanRun, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = run.services[fetch.serviceName];
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const entities = Array.isArray(cursor.data) ? cursor.data.filter((entity) => entity !== null && entity !== undefined) : [cursor.data];
  if (entities.length === 0) return;
  const variables: Data = {};
  for (const name of fetch.variableUsages ?? []) {
    if (Object.hasOwn(run.variables, name) && run.variables[name] !== undefined) variables[name] = run.variables[name];
  }
  const { query, operationName } = named(fetch, run.fetchName);
  const send = async (sent: Data) => {
    const response = await service.process({
      kind: 'incoming operation' as never,
      request: { query, variables: sent, operationName },
      incomingRequestContext: run.requestContext,
      context: run.requestContext.context,
      document: fetch.operationDocumentNode,
      pathInIncomingRequest: cursor.path,
    });
    if (response.errors) {
      const pathOf = errorPaths(fetch, cursor);
      for (const error of response.errors) run.errors.push(downstreamError(error, fetch.serviceName, pathOf));
    }
    return response.data as Data | null | undefined;
  };
  if (!fetch.requires) {
    const received = await send(variables);
    if (received) rewrite(run.supergraphSchema, fetch.outputRewrites, received);
    for (const entity of entities) deepMerge(entity, received);
    return;
  }
  const representations: Data[] = [];
  const owners: Data[] = [];
  for (const entity of entities) {
    const representation = represent(run.supergraphSchema, entity, fetch.requires);
    if (!representation?.__typename) continue;
    rewrite(run.supergraphSchema, fetch.inputRewrites, representation);
    representations.push(representation);
    owners.push(entity);
  }
  if (representations.length === 0) return;
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
  const received = await send({ ...variables, representations });
  if (!received) return;
  const answered = received._entities;
  if (!Array.isArray(answered)) throw new Error('Expected "data._entities" in response to be an array');
  if (answered.length !== representations.length)
    throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  for (let i = 0; i < owners.length; i += 1) {
    const entity = answered[i] as Data | null;
    if (entity && !entity.__typename) entity.__typename = owners[i].__typename;
    rewrite(run.supergraphSchema, fetch.outputRewrites, entity);
    deepMerge(owners[i], entity);
  }
}

async function runNode(run: PlanRun, node: PlanNode, cursor: Cursor): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await runNode(run, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => runNode(run, child, cursor)));
      return;
    case 'Flatten': {
      const data = flatten(cursor.data, node.path);
      if (data === undefined || data === null) return;
      await runNode(run, node.node, { path: [...cursor.path, ...node.path], data: data as Data | Data[], fullResult: cursor.fullResult });
      return;
    }
    case 'Fetch':
      try {
        await fetchInto(run, node, cursor);
      } catch (error) {
        run.errors.push(error as Error);
      }
      return;
    case 'Condition': {
      const branch = run.condition(node.condition) ? node.ifClause : node.elseClause;
      if (branch) await runNode(run, branch, cursor);
      return;
    }
    default:
      throw new Error(`the gateway does not execute ${node.kind} nodes`);
  }
}

/** Runs a plan's node from the root: the merged data of every fetch, and the subgraphs' errors in `run.errors`. */
export async function runPlan(run: PlanRun, node: PlanNode | undefined): Promise<Data> {
  const data: Data = {};
  if (node) await runNode(run, node, { path: [], data, fullResult: data });
  return data;
}
