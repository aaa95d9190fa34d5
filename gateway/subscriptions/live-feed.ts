import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Logger } from '../../services/platform/logger';
import type { EdgeLimits } from '../edge';
import { FeedRefused, type FeedEndpoints } from './endpoints';
import type { EventHub } from './hub';
import { checkSubscription, type SubscriptionPayload } from './operation';
import type { FeedPlan, SubscriptionPlanner } from './planner';
import type { FeedRequest } from './request';
import type { Subscriber } from './subscriber';

/** How long an opened subscription keeps its feed's head followed if no transport ever subscribes it. */
const HOLD_MS = 5000;

const asError = (error: { message: string; extensions?: Record<string, unknown> }) =>
  new GraphQLError(error.message, { extensions: error.extensions });

/**
 * What every transport of subscriptions (graphql-ws now; SSE and multipart HTTP later) does with one:
 * `open` checks it, plans it and asks the owning subgraph to start it for this subscriber (the subgraph
 * checks the arguments: only it knows what they mean); `subscribe` then gives the stream of results.
 */
export class LiveFeed {
  constructor(
    private readonly planner: SubscriptionPlanner,
    private readonly endpoints: FeedEndpoints,
    private readonly hub: EventHub,
    private readonly limits: EdgeLimits,
    private readonly log: Logger,
  ) {}

  /** The API schema that subscriptions are checked against. */
  get schema(): GraphQLSchema {
    return this.planner.federation.apiSchema;
  }

  /** The accepted subscription, or the errors that refuse it (coded, for this subscription alone). */
  async open(payload: SubscriptionPayload, authorization: string | null): Promise<FeedRequest | GraphQLError[]> {
    const checked = checkSubscription(this.schema, payload, this.limits);
    if (Array.isArray(checked)) return [...(checked as readonly GraphQLError[])];
    const subscription = checked as Exclude<typeof checked, readonly GraphQLError[]>;
    let plan: FeedPlan;
    try {
      plan = this.planner.plan(subscription.query, subscription.document, subscription.operationName);
    } catch (error) {
      this.log.error({ err: error }, 'could not plan a subscription');
      return [asError({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
    }
    const variables = Object.fromEntries(
      (plan.primary.variableUsages ?? [])
        .filter((name) => name in subscription.variables)
        .map((name) => [name, subscription.variables[name]]),
    );
    const call = { query: plan.primary.operation, variables };
    // The head is read while the subgraph checks the subscription: a live one starts from it.
    const release = this.hub.hold(plan);
    setTimeout(release, HOLD_MS).unref();
    let after: number | null;
    try {
      after = await this.endpoints.start(plan.service, plan.field, call, authorization);
    } catch (error) {
      release();
      if (error instanceof FeedRefused) return error.errors.map(asError);
      return [
        asError({
          message: `The ${plan.service} service is unavailable; subscribe again shortly.`,
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: plan.service },
        }),
      ];
    }
    return { ...subscription, plan, call, authorization, after, release };
  }

  subscribe(request: FeedRequest): Subscriber {
    return this.hub.subscribe(request);
  }
}
