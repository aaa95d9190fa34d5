import type DataLoader from 'dataloader';
import type { Context } from '../kit/context';
import { querySubgraph } from '../kit/subgraph-client';
import { badInput } from '../platform/errors';
import type { Loaders } from './loaders';

/**
 * The entities of other subgraphs that a practice links to, by the subgraph that owns them. This subgraph
 * stores only their ids; whether the caller may see one (an organization PENDING or SUSPENDED is hidden
 * from most) only the owner knows.
 */
const OWNERS = {
  organizations: { typename: 'Organization', field: 'organizationIds', noun: 'organization' },
  authorities: { typename: 'NationalAuthority', field: 'authorityIds', noun: 'national authority' },
} as const;
export type LinkOwner = keyof typeof OWNERS;

interface SeenAnswer {
  _entities: ({ id: string } | null)[];
}

/**
 * Asks the owner for its entities of these ids as the caller (its token passed on): null is what the
 * owner answers for an id it does not know or does not show the caller. The batch function of
 * loaders.seen, so that the links of every practice of a request cost one request per owner and tick.
 */
function askOwner(ctx: Context<Loaders>, owner: LinkOwner): DataLoader.BatchLoadFn<string, boolean> {
  const { typename } = OWNERS[owner];
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`;
  return async (ids) => {
    const data = await querySubgraph<SeenAnswer>(
      ctx.config.subgraphUrls[owner],
      query,
      { r: ids.map((id) => ({ __typename: typename, id })) },
      { authorization: ctx.authorization, requestId: ctx.requestId },
    );
    return ids.map((_, i) => Boolean(data._entities?.[i]));
  };
}

/** For each id, whether the caller sees the entity; throws when the owner cannot be asked (nothing is shown unchecked). */
async function seen(ctx: Context<Loaders>, owner: LinkOwner, ids: string[]): Promise<boolean[]> {
  if (ids.length === 0) return [];
  const answers = await ctx.loaders.seen[owner](askOwner(ctx, owner)).loadMany(ids);
  const failure = answers.find((answer): answer is Error => answer instanceof Error);
  if (failure) throw failure;
  return answers as boolean[];
}

/**
 * The linked ids the caller may see, in their order. A link to what the caller may not see is left out
 * of the list rather than answered as null: the lists are non-null lists of non-null entities, and the
 * gateway would null the whole practice, and every parent up to `data`, for one hidden link.
 */
export async function visibleLinks(ctx: Context<Loaders>, owner: LinkOwner, ids: string[]): Promise<string[]> {
  const shown = await seen(ctx, owner, ids);
  return ids.filter((_, i) => shown[i]);
}

/** Refuses, with BAD_USER_INPUT naming the field, a submission linking an id its owner does not show the submitter. */
export async function assertLinksExist(ctx: Context<Loaders>, links: Record<LinkOwner, string[]>): Promise<void> {
  const owners = Object.keys(OWNERS) as LinkOwner[];
  const answers = await Promise.all(owners.map((owner) => seen(ctx, owner, links[owner])));
  owners.forEach((owner, i) => {
    const missing = links[owner].find((_, j) => !answers[i][j]);
    const { field, noun } = OWNERS[owner];
    if (missing) throw badInput(`No ${noun} has the id ${missing}.`, field);
  });
}
