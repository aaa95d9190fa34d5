import type { GraphQLDataSource } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { getVariableValues, parse } from 'graphql';
import { documentSize, type OperationDocuments } from '../../services/platform/document-store';
import { OPERATION_PLACEHOLDER } from '../../services/platform/normalized-operation';
import { SizedLru } from '../../services/platform/sized-lru';
import { ExecutableOperation } from './executable-operation';
import type { Federation } from './federation';

/** Apollo Server's gateway slot, in the version of the interface Apollo Server itself depends on. */
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewaySchemaLoadOrUpdateCallback = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewayGraphQLRequestContext = Parameters<GatewayExecutor>[0];
type GatewayExecutionResult = Awaited<ReturnType<GatewayExecutor>>;

/**
 * Characters of documents whose plans are kept, for the client's documents and for their normalized forms
 * alike: a client asks the same few operations again and again; a new form costs a plan (a millisecond or
 * more). The plans of S5's 256 forms took 110 bytes of heap per character of form: about 55 MB at most.
 */
export const PLANS_BUDGET = 500_000;

/** One planned operation: the plan, and the operation that cuts its answers. */
interface Planned {
  plan: QueryPlan;
  operation: ExecutableOperation;
  /** The values of the literals its normalized form made variables (services/platform/normalized-operation.ts). */
  values?: Record<string, unknown>;
  /** The name the plan's fetches are given in place of OPERATION_PLACEHOLDER. */
  fetchName?: string;
}

/**
 * The gateway's executor, in Apollo Server's gateway slot: Apollo's query planner on the committed
 * supergraph, plans kept per document, the plan's fetches run by plan-executor.ts and the answer cut by
 * result-shape.ts. What the client sees is what @apollo/gateway would answer; what it costs is the fetches,
 * parsing their JSON, merging and shaping (docs/performance.md, "The gateway's executor").
 */
export class FederatedGateway implements GatewayInterface {
  /** By operation name and query hash: what a known document costs is one lookup. */
  private readonly plans = new SizedLru<Planned>(PLANS_BUDGET);
  /** By normalized form: a new document of a known form costs no plan. */
  private readonly formPlans = new SizedLru<QueryPlan>(PLANS_BUDGET);
  private services: Record<string, GraphQLDataSource> | undefined;

  constructor(
    private readonly federation: Federation,
    private readonly buildService: (name: string) => GraphQLDataSource,
    /** Apollo Server's document store: it knows each document's normalized form. */
    private readonly documents?: OperationDocuments,
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
    const { plan, operation, values, fetchName } = this.planned(requestContext);
    if (plan.node?.kind === 'Subscription') throw new Error('Execution of subscriptions not supported by gateway');
    return operation.run(
      plan.node,
      sent,
      { services: this.services ?? {}, supergraphSchema: this.federation.supergraphSchema, requestContext, fetchName },
      values,
    );
  }

  /**
   * The plan of the request's operation: kept for its document, else kept for the document's normalized form,
   * else planned now and kept for both.
   */
  private planned(requestContext: GatewayGraphQLRequestContext): Planned {
    const operationName = requestContext.request.operationName ?? null;
    const key = `${operationName ?? ''}\n${requestContext.queryHash}`;
    const known = this.plans.get(key);
    if (known) return known;
    const { document } = requestContext;
    const form = this.documents?.normalized(document);
    let planned: Planned;
    if (form) {
      let plan = this.formPlans.get(form.text);
      if (!plan) {
        const named = requestContext.operation?.name ? OPERATION_PLACEHOLDER : undefined;
        plan = this.federation.plan(parse(form.text), named);
        this.formPlans.set(form.text, plan, form.text.length);
      }
      const operation = new ExecutableOperation(document, operationName, this.federation.apiSchema, form.aliases);
      planned = { plan, operation, values: form.values, fetchName: requestContext.operation?.name?.value };
    } else {
      const operation = new ExecutableOperation(document, operationName, this.federation.apiSchema);
      planned = { plan: this.federation.plan(document, operationName ?? undefined), operation };
    }
    this.plans.set(key, planned, documentSize(document));
    return planned;
  }
}
