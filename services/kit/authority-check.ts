import type { Context } from './context';
import { querySubgraph } from './subgraph-client';
import { badInput } from '../platform/errors';

/** The directory is owned by the authorities subgraph: asked, with the caller's token, for the one authority. */
const AUTHORITY = 'query($id: ID!) { authority(id: $id) { id archived country { code } } }';

interface AuthorityAnswer {
  authority: { id: string; archived: boolean; country: { code: string } } | null;
}

/**
 * BAD_USER_INPUT (naming `field`) unless the directory holds this authority, active (not archived), in
 * `country`: an officer of Guatemala cannot be attached to an authority of Mexico, nor to one that is gone
 * (accounts' grantRole), nor can an authority of Mexico act for Guatemala in an agreement (agreements).
 */
export async function assertActiveAuthorityOf(ctx: Context, authorityId: string, country: string, field = 'authorityId'): Promise<void> {
  const { authority } = await querySubgraph<AuthorityAnswer>(
    ctx.config.subgraphUrls.authorities,
    AUTHORITY,
    { id: authorityId },
    { authorization: ctx.authorization, requestId: ctx.requestId },
  );
  if (!authority) throw badInput(`${field} names no national authority of the directory.`, field);
  if (authority.archived) throw badInput(`${field} names an archived national authority.`, field);
  if (authority.country.code !== country) {
    throw badInput(`${field} names an authority of ${authority.country.code}, not of ${country}.`, field);
  }
}
