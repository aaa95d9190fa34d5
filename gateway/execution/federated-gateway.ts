import type { GraphQLDataSource } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { getVariableValues } from 'graphql';
import { ExecutableOperation } from './executable-operation';
import type { Federation } from './federation';

/** Apollo Server's gateway slot, in the version of the interface Apollo Server itself depends on. */
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewaySchemaLoadOrUpdateCallback = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewayGraphQLRequestContext = Parameters<GatewayExecutor>[0];
type GatewayExecutionResult = Awaited<ReturnType<GatewayExecutor>>;

/** Plans kept: a client asks the same few operations again and again; a new one costs a plan (about a millisecond). */
const MAX_PLANS = 1000;

/** One planned operation: the plan, and the operation that cuts its answers. */
interface Planned {
  plan: QueryPlan;
  operation: ExecutableOperation;
}

/**
 * The gateway's executor, in Apollo Server's gateway slot: Apollo's query planner on the committed
 * supergraph, plans kept per document, the plan's fetches run by plan-executor.ts and the answer cut by
 * result-shape.ts. What the client sees is what @apollo/gateway would answer; what it costs is the fetches,
 * parsing their JSON, merging and shaping (docs/performance.md, "The gateway's executor").
 */
export class FederatedGateway implements GatewayInterface {
  private readonly plans = new Map<string, Planned>();
  private services: Record<string, GraphQLDataSource> | undefined;

  constructor(
    private readonly federation: Federation,
    private readonly buildService: (name: string) => GraphQLDataSource,
  ) {}

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    callback({ apiSchema: this.federation.apiSchema, coreSupergraphSdl: this.federation.sdl });
    return () => undefined;
  }

  load(): Promise<{ executor: (requestContext: GatewayGraphQLRequestContext) => Promise<GatewayExecutionResult> }> {
    this.services = Object.fromEntries(this.federation.subgraphs.map((name) => [name, this.buildService(name)]));
    return Promise.resolve({ executor: (requestContext) => this.execute(requestContext) });
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  private async execute(requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    // The variables first, as @apollo/gateway checks them: a request with bad ones costs no plan.
    const sent = requestContext.request.variables ?? {};
    const definitions = requestContext.operation?.variableDefinitions;
    if (definitions?.length) {
      const { errors } = getVariableValues(this.federation.apiSchema, definitions, sent);
      if (errors) return { errors };
    }
    const { plan, operation } = this.planned(requestContext);
    if (plan.node?.kind === 'Subscription') throw new Error('Execution of subscriptions not supported by gateway');
    return operation.run(plan.node, sent, {
      services: this.services ?? {},
      supergraphSchema: this.federation.supergraphSchema,
      requestContext,
    });
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
    const { document } = requestContext;
    const operation = new ExecutableOperation(document, operationName, this.federation.apiSchema);
    const plan = this.federation.plan(document, operationName ?? undefined);
    if (this.plans.size >= MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
    const planned = { plan, operation };
    this.plans.set(key, planned);
    return planned;
  }
}
