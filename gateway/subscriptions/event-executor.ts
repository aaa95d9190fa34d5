import { randomUUID } from 'node:crypto';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { PlanNode } from '@apollo/query-planner';
import { GraphQLError, type FormattedExecutionResult } from 'graphql';
import { maskError } from '../../services/platform/errors';
import type { Logger } from '../../services/platform/logger';
import type { GatewayContext } from '../context';
import type { Fetching } from '../execution/executable-operation';
import type { PrimaryEvent } from './endpoints';
import type { SubscriptionPlanner } from './planner';
import type { FeedRequest } from './request';

/**
 * Completes an event the way the gateway completes a query (gateway/execution): the subscription's plan
 * runs with the owning subgraph's answer for this event standing in for its primary fetch, so `rest`
 * fetches every other subgraph's fields through the gateway's own data sources, with the subscriber's token.
 */
export class EventExecutor {
  constructor(
    private readonly planner: SubscriptionPlanner,
    private readonly services: Record<string, GraphQLDataSource>,
    private readonly log: Logger,
  ) {}

  async execute(request: FeedRequest, event: PrimaryEvent): Promise<FormattedExecutionResult> {
    const { primary, rest, operation } = request.plan;
    const owner = this.services[primary.serviceName];
    // The primary fetch answers from the event; the owner's other fetches (entities of `rest`) go out as usual.
    const eventSource: GraphQLDataSource = {
      process: (options) =>
        options.request.query === primary.operation ? Promise.resolve({ data: event.data, errors: event.errors }) : owner.process(options),
    };
    const node: PlanNode = rest ? { kind: 'Sequence', nodes: [primary, rest] } : primary;
    const requestId = randomUUID();
    const log = this.log.child({ requestId });
    const context: GatewayContext = { requestId, authorization: request.authorization, log };
    const result = await operation.run(node, request.variables, {
      services: { ...this.services, [primary.serviceName]: eventSource },
      supergraphSchema: this.planner.federation.supergraphSchema,
      // The data sources read the context alone; the rest of Apollo Server's request context has no place here.
      requestContext: {
        request: { query: request.query, variables: request.variables, operationName: request.operationName },
        document: request.document,
        operationName: request.operationName ?? null,
        context,
        logger: log,
        metrics: {},
      } as unknown as Fetching['requestContext'],
    });
    const errors = result.errors?.map((error) => maskError(error instanceof GraphQLError ? error.toJSON() : error));
    return { data: result.data, ...(errors ? { errors } : {}) };
  }
}
