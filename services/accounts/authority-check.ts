import type { Context } from '../kit/context';
import { querySubgraph } from '../kit/subgraph-client';
import { badInput } from '../platform/errors';

/** The directory is owned by the authorities subgraph: asked, with the caller's token, for the one authority. */
const AUTHORITY = 'query($id: ID!) { authority(id: $id) { id archived country { code } } }';

interface AuthorityAnswer {
  authority: { id: string; archived: boolean; country: { code: string } } | null;
}

/**
 * BAD_USER_INPUT (field authorityId) unless the directory holds this authority, active (not archived), in
 * `country`: an officer of Guatemala cannot be attached to an authority of Mexico, nor to one that is gone.
 */
export async function assertActiveAuthorityOf(ctx: Context, authorityId: string, country: string): Promise<void> {
  const { authority } = await querySubgraph<AuthorityAnswer>(
    ctx.config.subgraphUrls.authorities,
    AUTHORITY,
    { id: authorityId },
    { authorization: ctx.authorization, requestId: ctx.requestId },
  );
  if (!authority) throw badInput('authorityId names no national authority of the directory.', 'authorityId');
  if (authority.archived) throw badInput('authorityId names an archived national authority.', 'authorityId');
  if (authority.country.code !== country) {
    throw badInput(`authorityId names an authority of ${authority.country.code}, not of ${country}.`, 'authorityId');
  }
}
