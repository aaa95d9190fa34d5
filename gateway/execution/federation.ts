import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import type { DocumentNode, GraphQLSchema } from 'graphql';

/**
 * The committed supergraph, built once per gateway process: its API schema (what clients see), the
 * supergraph schema (what plans name) and Apollo's query planner. Queries (FederatedGateway) and the live
 * feed's subscriptions (SubscriptionPlanner) plan with the same one.
 */
export class Federation {
  readonly apiSchema: GraphQLSchema;
  readonly supergraphSchema: GraphQLSchema;
  /** The names of the subgraphs, as plans name them. */
  readonly subgraphs: readonly string[];
  private readonly api: Schema;
  private readonly planner: QueryPlanner;

  constructor(readonly sdl: string) {
    const supergraph = Supergraph.build(sdl);
    this.api = supergraph.apiSchema();
    this.apiSchema = this.api.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.subgraphs = supergraph.subgraphsMetadata().map(({ name }) => name);
    this.planner = new QueryPlanner(supergraph);
  }

  /** Plans an operation of a document already validated against the API schema. */
  plan(document: DocumentNode, operationName: string | undefined): QueryPlan {
    return this.planner.buildQueryPlan(operationFromDocument(this.api, document, { operationName }));
  }
}
