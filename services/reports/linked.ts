import type DataLoader from 'dataloader';
import type { Context } from '../kit/context';
import { querySubgraph } from '../kit/subgraph-client';
import { badInput } from '../platform/errors';
import type { Loaders } from './loaders';

/**
 * The practices and agreements an indicator entry links to, by the subgraph that owns them. This subgraph
 * stores only their ids; whether the caller may see one (a practice under review, a DRAFT agreement) only
 * the owner knows: it is asked with the caller's token, as practices asks organizations (practices/linked.ts).
 */
const OWNERS = {
  practices: { typename: 'Practice', field: 'practiceIds', noun: 'practice' },
  agreements: { typename: 'Agreement', field: 'agreementIds', noun: 'agreement' },
} as const;
export type LinkOwner = keyof typeof OWNERS;

interface SeenAnswer {
  _entities: ({ id: string } | null)[];
}

/** The batch function of loaders.seen: one request per owner and tick for the links of every entry of a request. */
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
async function seen(ctx: Context<Loaders>, owner: LinkOwner, ids: readonly string[]): Promise<boolean[]> {
  if (ids.length === 0) return [];
  const answers = await ctx.loaders.seen[owner](askOwner(ctx, owner)).loadMany(ids);
  const failure = answers.find((answer): answer is Error => answer instanceof Error);
  if (failure) throw failure;
  return answers as boolean[];
}

/** The linked ids the caller may see, in their order: a hidden link is left out, not answered as null. */
export async function visibleLinks(ctx: Context<Loaders>, owner: LinkOwner, ids: readonly string[]): Promise<string[]> {
  const shown = await seen(ctx, owner, ids);
  return ids.filter((_, i) => shown[i]);
}

/** Refuses, with BAD_USER_INPUT naming the field, an entry linking an id its owner does not show the writer. */
export async function assertLinksSeen(ctx: Context<Loaders>, links: Record<LinkOwner, readonly string[]>): Promise<void> {
  const owners = Object.keys(OWNERS) as LinkOwner[];
  const answers = await Promise.all(owners.map((owner) => seen(ctx, owner, links[owner])));
  owners.forEach((owner, i) => {
    const missing = links[owner].find((_, j) => !answers[i][j]);
    const { field, noun } = OWNERS[owner];
    if (missing) throw badInput(`No ${noun} you may see has the id ${missing}.`, field);
  });
}
