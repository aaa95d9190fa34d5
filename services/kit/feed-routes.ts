import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { verifyFeedKey } from '../platform/feed-key';
import { isClientError, isDatabaseUnavailable } from '../platform/errors';
import { BodyTooLarge, MAX_BODY_BYTES, readBody, sendJson } from '../platform/http';
import type { Logger } from '../platform/logger';
import type { Context } from './context';
import { eventIdOf, type FeedDefinition, type FeedEvent } from './feed';
import { FeedProtocol, FeedRefusal } from './feed-protocol';

/** Where a subgraph serves its feeds, next to /graphql; /metrics counts these routes under this label. */
export const FEED_ROUTES = '/feeds';

export interface FeedRoutesOptions<L> {
  feeds: readonly FeedDefinition<FeedEvent, unknown, L>[];
  schema: GraphQLSchema;
  db: DataSource;
  /** The gateway's key for `head` (platform/feed-key.ts). */
  feedKey: string;
  log: Logger;
  /** The context of a GraphQL request of this subgraph: the caller's own token decides what it sees. */
  context: (req: IncomingMessage, requestId: string) => Promise<Context<L>>;
  /** How this subgraph formats (and masks) the errors of its GraphQL answers. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

const ROUTE = /^\/feeds\/([_A-Za-z][_0-9A-Za-z]*)\/(head|start|events)$/;

const coded = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

/** The status of an answer refused with this (formatted) error. */
function statusOf(error: GraphQLError, formatted: GraphQLFormattedError): number {
  const given = (error.extensions?.http as { status?: number } | undefined)?.status;
  if (given) return given;
  const code = formatted.extensions?.code;
  if (code === 'NOT_FOUND') return 404;
  if (isClientError(code)) return 400;
  return code === 'SERVICE_UNAVAILABLE' ? 503 : 500;
}

/**
 * The live-feed protocol on a subgraph's HTTP front (docs/live-feeds.md), for the feeds it declares:
 *   GET  /feeds/<field>/head    the newest event id; the gateway's feed key only
 *   POST /feeds/<field>/start   checks a subscription for its caller; where it starts
 *   POST /feeds/<field>/events  the events after an id that the caller may see, resolved
 */
export function feedRoutes<L>(options: FeedRoutesOptions<L>): (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean {
  const subscription = options.schema.getSubscriptionType()?.getFields() ?? {};
  for (const feed of options.feeds) {
    if (!subscription[feed.field]) throw new Error(`feed ${feed.field} is no Subscription field of this subgraph's schema`);
  }
  const feeds = new Map(options.feeds.map((feed) => [feed.field, feed]));
  // `http` is this answer's status, not something to show the caller (Apollo Server drops it too).
  const format = (error: GraphQLError): GraphQLFormattedError => {
    const formatted = options.formatError(error.toJSON(), error);
    const { http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
  const protocol = new FeedProtocol(options.schema, format);

  const handle = async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const requestId = String(res.getHeader('x-request-id'));
    const match = ROUTE.exec(pathname);
    const feed = match ? feeds.get(match[1]) : undefined;
    if (!match || !feed) throw coded('NOT_FOUND', `No feed at ${pathname}.`);
    const action = match[2];
    const method = action === 'head' ? 'GET' : 'POST';
    if (req.method !== method)
      throw new GraphQLError(`Use ${method} for ${pathname}.`, { extensions: { code: 'BAD_REQUEST', http: { status: 405 } } });
    if (action === 'head') {
      verifyFeedKey(req.headers.authorization, options.feedKey);
      return sendJson(res, 200, { head: String(await feed.head(options.db)) });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof BodyTooLarge) throw error;
      throw coded('BAD_REQUEST', 'The request body is not valid JSON.');
    }
    if (!body || typeof body !== 'object') throw coded('BAD_REQUEST', 'The request body is a JSON object.');
    const ctx = await options.context(req, requestId);
    const operation = protocol.prepare(feed, body);
    if (action === 'start') {
      const after = await feed.start(operation.args, ctx);
      return sendJson(res, 200, { after: after === null ? null : String(after) });
    }
    const after = eventIdOf(body.after);
    const until = eventIdOf(body.until);
    if (after === null || until === null) throw coded('BAD_REQUEST', '`after` and `until` are event ids, e.g. "41" and "57".');
    sendJson(res, 200, await protocol.events(feed, operation, ctx, after, until));
  };

  const refuse = (res: ServerResponse, requestId: string, error: unknown) => {
    if (error instanceof BodyTooLarge) {
      res.setHeader('connection', 'close');
      return sendJson(res, 413, {
        errors: [{ message: `The request body is over ${MAX_BODY_BYTES} bytes.`, extensions: { code: 'BAD_REQUEST' } }],
      });
    }
    const errors =
      error instanceof FeedRefusal
        ? error.errors
        : [error instanceof GraphQLError ? error : new GraphQLError('feed request failed', { originalError: error as Error })];
    const formatted = errors.map(format);
    if (!isClientError(formatted[0]?.extensions?.code)) {
      const cause = errors[0].originalError ?? errors[0];
      if (isDatabaseUnavailable(cause)) options.log.warn({ err: cause, requestId }, 'database unavailable');
      else options.log.error({ err: cause, requestId }, 'feed request failed');
    }
    sendJson(res, error instanceof FeedRefusal ? error.status : statusOf(errors[0], formatted[0]), { errors: formatted });
  };

  return (req, res, pathname) => {
    if (!pathname.startsWith(`${FEED_ROUTES}/`)) return false;
    handle(req, res, pathname).catch((error: unknown) => {
      if (res.headersSent) res.end();
      else refuse(res, String(res.getHeader('x-request-id')), error);
    });
    return true;
  };
}
