import type { FetchNode, PlanNode } from '@apollo/query-planner';
import { Kind, parse, type DocumentNode } from 'graphql';
import { ExecutableOperation } from '../execution/executable-operation';
import type { Federation } from '../execution/federation';

/** How one subscription is served: the feed of the subgraph that owns its field, then the rest of the graph. */
export interface FeedPlan {
  /** The subgraph that owns the subscription field and serves its feed. */
  service: string;
  /** The `Subscription` field, which names the feed on that subgraph (/feeds/<field>/...). */
  field: string;
  /** The subgraph's own subscription operation: what it executes for each event. */
  primary: FetchNode;
  /** What the other subgraphs add to each event (entity fetches), as for a query. */
  rest: PlanNode | undefined;
  /** The client's operation, which cuts each event's answer: one per planned document, shared by its subscribers. */
  operation: ExecutableOperation;
}

/** Plans of recent subscriptions: a subscribing client asks the same few operations again and again. */
const MAX_PLANS = 500;

/**
 * The gateway's query planner (Federation): a subscription's plan is a `Subscription` node whose
 * `primary` fetch goes to the owning subgraph and whose `rest` completes the event like a query's plan.
 */
export class SubscriptionPlanner {
  private readonly plans = new Map<string, FeedPlan>();

  constructor(readonly federation: Federation) {}

  /** Plans a subscription already validated against the API schema. */
  plan(query: string, document: DocumentNode, operationName: string | undefined): FeedPlan {
    const key = `${operationName ?? ''}\n${query}`;
    const known = this.plans.get(key);
    if (known) return known;
    const { node } = this.federation.plan(document, operationName);
    if (node?.kind !== 'Subscription') throw new Error(`a subscription was planned as ${node?.kind ?? 'nothing'}`);
    const plan = {
      service: node.primary.serviceName,
      field: rootFieldOf(node.primary),
      primary: node.primary,
      rest: node.rest,
      operation: new ExecutableOperation(document, operationName, this.federation.apiSchema),
    };
    if (this.plans.size >= MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(key, plan);
    return plan;
  }
}

function rootFieldOf(fetch: FetchNode): string {
  const document = fetch.operationDocumentNode ?? parse(fetch.operation);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const [selection] = definition.selectionSet.selections;
    if (selection?.kind === Kind.FIELD) return selection.name.value;
  }
  throw new Error(`no root field in ${fetch.operation}`);
}
