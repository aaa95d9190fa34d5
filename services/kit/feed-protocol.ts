import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { isClientError, isDatabaseUnavailable } from '../platform/errors';
import type { Context } from './context';
import { MAX_EVENTS_PER_CALL, type FeedDefinition, type FeedEvent } from './feed';

/** A call the subgraph refuses as a whole, with the errors to answer and the HTTP status. */
export class FeedRefusal extends Error {
  constructor(
    readonly errors: readonly GraphQLError[],
    readonly status = 400,
  ) {
    super(errors[0]?.message ?? 'refused');
  }
}

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } });

/** The error with the code Apollo Server gives its kind (graphql-js leaves parse and validation errors without one). */
const withCode = (code: string) => (error: GraphQLError) =>
  new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: error.extensions.code ?? code } });

/** A subscription checked against this subgraph's schema, with its feed field's arguments. */
export interface FeedOperation<A = unknown> {
  document: DocumentNode;
  /** As the caller sent them: execute() coerces them itself for each event. */
  variables: Record<string, unknown>;
  args: A;
}

/** One event as `events` answers it: the subscription executed with the event as its root. */
export interface ResolvedEvent {
  id: string;
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

/** The gateway sends few distinct operations (one per distinct client subscription); others may not fill memory. */
const MAX_CACHED_DOCUMENTS = 500;
const MAX_TOKENS = 5000;

/** The protocol's work on one subgraph schema: checking a subscription, and resolving events for it. */
export class FeedProtocol {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly formatError: (error: GraphQLError) => GraphQLFormattedError,
  ) {}

  /** Parses and validates the operation, once per text: it must be a subscription of this feed's field alone. */
  prepare<A>(feed: FeedDefinition<FeedEvent, A>, body: { query?: unknown; variables?: unknown }): FeedOperation<A> {
    if (typeof body.query !== 'string') throw new FeedRefusal([badRequest('Send the subscription as `query`.')]);
    const variables = body.variables ?? {};
    if (typeof variables !== 'object' || Array.isArray(variables)) throw new FeedRefusal([badRequest('`variables` is an object.')]);
    const document = this.documentOf(feed.field, body.query);
    const operation = getOperationAST(document)!;
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables as Record<string, unknown>);
    if (coerced.errors) throw new FeedRefusal(coerced.errors.map(withCode('BAD_USER_INPUT')));
    const definition = this.schema.getSubscriptionType()!.getFields()[feed.field];
    const args = getArgumentValues(definition, operation.selectionSet.selections[0] as FieldNode, coerced.coerced) as A;
    return { document, variables: variables as Record<string, unknown>, args };
  }

  /**
   * The events in (after, until] that this viewer may see and that match, each resolved as graphql-js
   * resolves a subscription's event: the operation executed with the event as root value. Examines at
   * most MAX_EVENTS_PER_CALL events; `last` is the last id examined, where the caller goes on.
   */
  async events<E extends { id: number }, A>(
    feed: FeedDefinition<E, A>,
    operation: FeedOperation<A>,
    ctx: Context,
    after: number,
    until: number,
  ): Promise<{ events: ResolvedEvent[]; last: string }> {
    const rows = until > after ? await feed.read(ctx.db, after, until, MAX_EVENTS_PER_CALL) : [];
    const visible = await Promise.all(rows.map(async (event) => feed.visible(event, operation.args, ctx)));
    const shown = rows.filter((_event, i) => visible[i]);
    // Together, so that the per-request loaders batch what the events' selections read.
    const events = await Promise.all(shown.map((event) => this.resolve(event, operation, ctx)));
    const last = rows.length < MAX_EVENTS_PER_CALL ? until : rows[rows.length - 1].id;
    return { events, last: String(last) };
  }

  private async resolve(event: { id: number }, operation: FeedOperation, ctx: Context): Promise<ResolvedEvent> {
    const { data, errors } = await execute({
      schema: this.schema,
      document: operation.document,
      rootValue: event,
      contextValue: ctx,
      variableValues: operation.variables,
    });
    // What maskError hides from the caller goes to the log, as the subgraph's GraphQL answers do.
    for (const error of errors ?? []) {
      if (isClientError(error.extensions?.code)) continue;
      const cause = error.originalError ?? error;
      if (isDatabaseUnavailable(cause)) ctx.log.warn({ err: cause, path: error.path, event: event.id }, 'database unavailable');
      else ctx.log.error({ err: cause, path: error.path, event: event.id }, 'internal error');
    }
    return { id: String(event.id), data: data ?? null, ...(errors ? { errors: errors.map((error) => this.formatError(error)) } : {}) };
  }

  private documentOf(field: string, query: string): DocumentNode {
    const key = `${field}\n${query}`;
    const known = this.documents.get(key);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: MAX_TOKENS });
    } catch (error) {
      throw new FeedRefusal([withCode('GRAPHQL_PARSE_FAILED')(error as GraphQLError)]);
    }
    const invalid = validate(this.schema, document);
    if (invalid.length > 0) throw new FeedRefusal(invalid.map(withCode('GRAPHQL_VALIDATION_FAILED')));
    const operation = getOperationAST(document);
    const [selection, ...others] = operation?.selectionSet.selections ?? [];
    const alone = others.length === 0 && selection?.kind === Kind.FIELD && selection.name.value === field;
    if (operation?.operation !== OperationTypeNode.SUBSCRIPTION || !alone) {
      throw new FeedRefusal([badRequest(`Send one subscription operation that selects ${field} alone.`)]);
    }
    if (this.documents.size >= MAX_CACHED_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
    this.documents.set(key, document);
    return document;
  }
}
