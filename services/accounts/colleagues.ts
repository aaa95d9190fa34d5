import DataLoader from 'dataloader';
import type { Context } from '../kit/context';
import { querySubgraph } from '../kit/subgraph-client';
import { MAX_PAGE_SIZE } from '../platform/limits';

const COLLEAGUES = 'query($userIds: [ID!]!) { colleaguesOf(userIds: $userIds) }';

/** One loader per request (keyed by its context, so it goes with the request). */
const perRequest = new WeakMap<Context, DataLoader<string, boolean>>();

/**
 * Whether the user shares an organization with the caller. Memberships are the organizations subgraph's:
 * asked once per request, in batches, through its hidden `colleaguesOf`, with the caller's own token.
 * False when organizations cannot answer.
 */
export function isColleague(ctx: Context, userId: string): Promise<boolean> {
  if (!ctx.viewer || ctx.viewer.id === userId) return Promise.resolve(false);
  let loader = perRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader(
      async (userIds: readonly string[]) => {
        // Out of reach, organizations confirms no one: the accounts stay hidden (closed, not open), with a warning.
        const colleaguesOf = await querySubgraph<{ colleaguesOf: string[] }>(
          ctx.config.subgraphUrls.organizations,
          COLLEAGUES,
          { userIds },
          { authorization: ctx.authorization, requestId: ctx.requestId },
        ).then(
          (data) => data.colleaguesOf,
          (error: unknown) => {
            ctx.log.warn(
              { err: error },
              'organizations did not say who shares an organization with the caller; those accounts stay hidden',
            );
            return [];
          },
        );
        const colleagues = new Set(colleaguesOf);
        return userIds.map((id) => colleagues.has(id));
      },
      { maxBatchSize: MAX_PAGE_SIZE },
    );
    perRequest.set(ctx, loader);
  }
  return loader.load(userId);
}
