import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { verifyFeedKey } from '../platform/feed-key';
import { isDatabaseUnavailable } from '../platform/errors';
import { sendJson } from '../platform/http';
import type { Logger } from '../platform/logger';
import { REVOCATION_PAGE_SIZE, REVOCATION_WINDOW_MS, REVOCATIONS_PATH, type RevocationPage } from '../platform/revocations';
import { TokenRevocation, type RevocationReason } from './entities/token-revocation.entity';

/**
 * The revocation list: a row for each role or password change, which every verifier reads (GET /revocations,
 * platform/revocations.ts) to refuse the user's access tokens issued at or before it.
 */

/** Records, in the caller's transaction, that the user's access tokens issued until `at` (ms) stop working. */
export async function revokeTokens(manager: EntityManager, userId: string, reason: RevocationReason, at = Date.now()): Promise<number> {
  await manager.getRepository(TokenRevocation).insert({ userId, reason, revokedAt: at });
  return at;
}

/**
 * Deletes the rows older than the longest access token, after the transaction that wrote one and apart from
 * it: on MySQL a ranged DELETE in two concurrent revocations could deadlock them. A failed prune is retried by
 * the next write; the rows it leaves are skipped by age meanwhile.
 */
export async function pruneRevocations(db: DataSource, now = Date.now()): Promise<void> {
  await db
    .getRepository(TokenRevocation)
    .createQueryBuilder()
    .delete()
    .where('revoked_at < :before', { before: now - REVOCATION_WINDOW_MS })
    .execute()
    .catch(() => undefined);
}

/** The revocations of the last 24 hours after an id, oldest first, a page at most. */
export async function revocationsAfter(db: DataSource, after: string, now = Date.now()): Promise<RevocationPage> {
  const rows = await db
    .getRepository(TokenRevocation)
    .createQueryBuilder('r')
    .where('r.id > :after AND r.revoked_at > :since', { after: Number(after), since: now - REVOCATION_WINDOW_MS })
    .orderBy('r.id', 'ASC')
    .limit(REVOCATION_PAGE_SIZE)
    .getMany();
  return {
    revocations: rows.map((row) => ({ id: String(row.id), userId: row.userId, at: row.revokedAt })),
    last: rows.length > 0 ? String(rows[rows.length - 1].id) : String(Number(after)),
  };
}

const requestError = (status: number, code: string, message: string) =>
  new GraphQLError(message, { extensions: { code, http: { status } } });

/**
 * GET /revocations?after=<id>, next to /graphql, for the feed key only (platform/feed-key.ts): the gateway and
 * the subgraphs poll it. Answers `{ revocations: [{ id, userId, at }], last }`.
 */
export function revocationRoutes(db: DataSource, feedKey: string, log: Logger) {
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET') throw requestError(405, 'BAD_REQUEST', `Use GET for ${REVOCATIONS_PATH}.`);
    verifyFeedKey(req.headers.authorization, feedKey);
    const after = new URL(req.url ?? '/', 'http://localhost').searchParams.get('after') ?? '0';
    if (!/^\d{1,15}$/.test(after)) throw requestError(400, 'BAD_REQUEST', '`after` is the id of a revocation, e.g. "41".');
    sendJson(res, 200, await revocationsAfter(db, after));
  };
  return (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
    if (pathname !== REVOCATIONS_PATH) return false;
    answer(req, res).catch((error: unknown) => {
      if (error instanceof GraphQLError) {
        const { http, ...extensions } = error.extensions as { http?: { status: number } };
        return sendJson(res, http?.status ?? 400, { errors: [{ message: error.message, extensions }] });
      }
      const unavailable = isDatabaseUnavailable(error);
      if (unavailable) log.warn({ err: error }, 'database unavailable');
      else log.error({ err: error }, 'revocations request failed');
      const code = unavailable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
      sendJson(res, unavailable ? 503 : 500, { errors: [{ message: 'The revocation list could not be read.', extensions: { code } }] });
    });
    return true;
  };
}
