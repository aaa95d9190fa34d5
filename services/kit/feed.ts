import { GraphQLError } from 'graphql';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Context } from './context';

/** An entry of a durable event log: ids increase with every event, in commit order. */
export interface FeedEvent {
  id: number;
}

/**
 * What a subgraph declares to serve one of its `Subscription` fields as a live feed (see
 * docs/live-feeds.md). The gateway knows nothing of it: it asks this subgraph for the events after an
 * id, as each subscriber, and this subgraph decides which of them that subscriber receives.
 */
// Methods, not function properties: a definition for its own event, arguments and loaders is then one of
// `FeedDefinition`, as a subgraph's list of feeds holds it (TypeScript compares method parameters bivariantly).
export interface FeedDefinition<E extends FeedEvent = FeedEvent, A = unknown, L = unknown> {
  /** The `Subscription` field of the subgraph's own SDL that this feed serves; its resolver returns its root. */
  field: string;
  /** The id of the newest event of the log; 0 while the log is empty. */
  head(db: DataSource): Promise<number>;
  /** The events with `after` < id <= `until`, oldest first, at most `limit` of them. */
  read(db: DataSource, after: number, until: number, limit: number): Promise<E[]>;
  /**
   * Checks the subscription's arguments for this viewer, throwing a GraphQLError with a code
   * (BAD_USER_INPUT, FORBIDDEN) to refuse it, and says where it starts: after that event id
   * (replaying the log from there), or null for live from now.
   */
  start(args: A, ctx: Context<L>): number | null | Promise<number | null>;
  /** Whether this viewer may see the event and the event matches the subscription's arguments (loaders at hand in ctx). */
  visible(event: E, args: A, ctx: Context<L>): boolean | Promise<boolean>;
}

/** The most events one `events` call examines; the gateway pages on with the `last` it answers. */
export const MAX_EVENTS_PER_CALL = 100;

/** An event id as the protocol carries it: a decimal string (or number) of at most 15 digits. */
export function eventIdOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/**
 * Subscribers connect to the gateway, never to a subgraph: the gateway reads the subgraph's log through its
 * feed routes, where each event is executed with the field's resolver. The `subscribe` of every feed's
 * `@Subscription`, and of the PubSub type-graphql wants for any (`feedPubSub`).
 */
export function gatewayOnly(): never {
  throw new GraphQLError('Subscribe through the gateway: subgraphs serve no WebSocket.', { extensions: { code: 'BAD_REQUEST' } });
}

/** The PubSub of a subgraph with feeds: the gateway serves them, never this subgraph. */
export const feedPubSub = { publish: (): void => undefined, subscribe: (): never => gatewayOnly() };

/**
 * The events of `visible` (an event log's query under alias `e`, holding only what the viewer may see and
 * matching the subscription's filter) after `after`, oldest first, at most `limit`. Chosen in SQL: a page is
 * full however many hidden events lie among them, and says nothing of those.
 */
export function eventsAfter<E extends ObjectLiteral>(visible: SelectQueryBuilder<E>, after: number, limit: number): Promise<E[]> {
  return visible.andWhere('e.id > :after', { after }).orderBy('e.id', 'ASC').take(limit).getMany();
}

/**
 * The id of the newest event of `visible` (as for eventsAfter); 0 before the first. Ids have no gaps, so the
 * newest id of a whole log would tell anyone that something hidden was just written.
 */
export async function newestEventId<E extends ObjectLiteral>(visible: SelectQueryBuilder<E>): Promise<number> {
  const newest = await visible.select('e.id', 'id').orderBy('e.id', 'DESC').limit(1).getRawOne<{ id: number | string }>();
  return newest ? Number(newest.id) : 0;
}
