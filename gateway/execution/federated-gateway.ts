import type { GraphQLDataSource } from '@apollo/gateway';
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  executeSync,
  getVariableValues,
  GraphQLError,
  isInputType,
  Kind,
  OperationTypeNode,
  typeFromAST,
  valueFromAST,
  visit,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValueNode,
} from 'graphql';
import { runPlan, type PlanRun } from './plan-executor';

/** Apollo Server's gateway slot, in the version of the interface Apollo Server itself depends on. */
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewaySchemaLoadOrUpdateCallback = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewayGraphQLRequestContext = Parameters<GatewayExecutor>[0];
type GatewayExecutionResult = Awaited<ReturnType<GatewayExecutor>>;
import { ObjectShape, shapeResponse } from './result-shape';

/**
 * The gateway's executor, in Apollo Server's gateway slot: Apollo's query planner on the committed
 * supergraph, plans kept per document, the plan's fetches run by plan-executor.ts and the answer cut by
 * result-shape.ts. What the client sees is what @apollo/gateway would answer; what it costs is the fetches,
 * parsing their JSON, merging and shaping (docs/performance.md, "The gateway's executor").
 */

/** Plans kept: a client asks the same few operations again and again; a new one costs a plan (about a millisecond). */
const MAX_PLANS = 1000;

/** One planned operation and what answering it needs, computed once per document. */
interface Planned {
  plan: QueryPlan;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  /** The operation's variables with a default value: @skip/@include and Condition nodes read them. */
  defaults: Record<string, unknown>;
  /** The variables @skip/@include name: the shape depends on their values. */
  conditionVariables: string[];
  shapes: Map<string, ObjectShape>;
}

export class FederatedGateway implements GatewayInterface {
  readonly apiSchema: GraphQLSchema;
  private readonly supergraphSchema: GraphQLSchema;
  private readonly api: Schema;
  private readonly planner: QueryPlanner;
  private readonly plans = new Map<string, Planned>();
  private services: Record<string, GraphQLDataSource> | undefined;

  constructor(
    private readonly supergraphSdl: string,
    private readonly buildService: (name: string) => GraphQLDataSource,
  ) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.api = supergraph.apiSchema();
    this.apiSchema = this.api.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
    this.subgraphNames = supergraph.subgraphsMetadata().map(({ name }) => name);
  }

  private readonly subgraphNames: string[];

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    callback({ apiSchema: this.apiSchema, coreSupergraphSdl: this.supergraphSdl });
    return () => undefined;
  }

  load(): Promise<{ executor: (requestContext: GatewayGraphQLRequestContext) => Promise<GatewayExecutionResult> }> {
    this.services = Object.fromEntries(this.subgraphNames.map((name) => [name, this.buildService(name)]));
    return Promise.resolve({ executor: (requestContext) => this.execute(requestContext) });
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  private async execute(requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const planned = this.planned(requestContext);
    const { operation } = planned;
    const sent = requestContext.request.variables ?? {};
    if (operation.variableDefinitions?.length) {
      const { errors } = getVariableValues(this.apiSchema, operation.variableDefinitions, sent);
      if (errors) return { errors };
    }
    const variables = { ...planned.defaults, ...sent };
    const run: PlanRun = {
      services: this.services ?? {},
      supergraphSchema: this.supergraphSchema,
      variables: sent,
      condition: (name) => variables[name] === true,
      requestContext: requestContext,
      errors: [],
    };
    const { node } = planned.plan;
    if (node?.kind === 'Subscription') throw new Error('Execution of subscriptions not supported by gateway');
    const merged = await runPlan(run, node);
    try {
      const { data, errors } = shapeResponse(this.shapeOf(planned, variables), merged, this.apiSchema, (node) =>
        this.introspect(planned, node, variables),
      );
      if (run.errors.length > 0) return { errors: run.errors as GraphQLError[], data };
      return errors.length > 0 ? { data, extensions: { valueCompletion: errors } } : { data };
    } catch (error) {
      return {
        errors: [error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error })],
      };
    }
  }

  /** The plan of the request's operation: from the cache, or planned now and kept. */
  private planned(requestContext: GatewayGraphQLRequestContext): Planned {
    const operationName = requestContext.request.operationName ?? null;
    const key = `${operationName ?? ''}\n${requestContext.queryHash}`;
    const known = this.plans.get(key);
    if (known) {
      // Most recently used last: the oldest is the first evicted.
      this.plans.delete(key);
      this.plans.set(key, known);
      return known;
    }
    const planned = this.plan(requestContext.document, operationName ?? undefined);
    if (this.plans.size >= MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(key, planned);
    return planned;
  }

  private plan(document: DocumentNode, operationName: string | undefined): Planned {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    const operations: OperationDefinitionNode[] = [];
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    }
    if (!operationName && operations.length > 1)
      throw new GraphQLError('Must provide operation name if query contains multiple operations.');
    const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
    if (!operation) throw new GraphQLError(operationName ? `Unknown operation named "${operationName}".` : 'Must provide an operation.');
    const plan = this.planner.buildQueryPlan(operationFromDocument(this.api, document, { operationName }));
    const defaults: Record<string, unknown> = {};
    for (const definition of operation.variableDefinitions ?? []) {
      if (!definition.defaultValue) continue;
      const type = typeFromAST(this.apiSchema, definition.type);
      if (type && isInputType(type)) defaults[definition.variable.name.value] = valueFromAST(definition.defaultValue, type);
    }
    return { plan, operation, fragments, defaults, conditionVariables: conditionVariables(document), shapes: new Map() };
  }

  /** The shape for this request's @skip/@include values, compiled on their first use. */
  private shapeOf(planned: Planned, variables: Record<string, unknown>): ObjectShape {
    const key = planned.conditionVariables.map((name) => (variables[name] === true ? '1' : '0')).join('');
    let shape = planned.shapes.get(key);
    if (!shape) {
      const root = this.apiSchema.getRootType(planned.operation.operation);
      if (!root) throw new GraphQLError(`The schema has no ${planned.operation.operation} type.`);
      const included = (selection: SelectionNode) => isIncluded(selection.directives, variables);
      shape = new ObjectShape(root, [planned.operation.selectionSet], { schema: this.apiSchema, fragments: planned.fragments, included });
      planned.shapes.set(key, shape);
    }
    return shape;
  }

  /** `__schema` and `__type` are answered by graphql-js on the API schema, as @apollo/gateway does. */
  private introspect(planned: Planned, field: FieldNode, variables: Record<string, unknown>): unknown {
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [
        {
          kind: Kind.OPERATION_DEFINITION,
          operation: OperationTypeNode.QUERY,
          variableDefinitions: planned.operation.variableDefinitions,
          selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
        },
        ...Object.values(planned.fragments),
      ],
    };
    const { data, errors } = executeSync({ schema: this.apiSchema, document, rootValue: {}, variableValues: variables });
    if (errors?.length) throw errors[0];
    return data?.[field.alias?.value ?? field.name.value];
  }
}

/** @skip(if:) and @include(if:) with literal or variable conditions. */
function isIncluded(directives: readonly DirectiveNode[] | undefined, variables: Record<string, unknown>): boolean {
  if (!directives?.length) return true;
  for (const directive of directives) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const condition = directive.arguments?.find((argument) => argument.name.value === 'if')?.value;
    const value = condition ? conditionValue(condition, variables) : false;
    if (name === 'skip' ? value : !value) return false;
  }
  return true;
}

function conditionValue(value: ValueNode, variables: Record<string, unknown>): boolean {
  if (value.kind === Kind.BOOLEAN) return value.value;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value] === true;
  return false;
}

/** The variables that @skip/@include name anywhere in the document. */
function conditionVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(directive) {
      if (directive.name.value !== 'skip' && directive.name.value !== 'include') return;
      for (const argument of directive.arguments ?? []) if (argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names].sort();
}
