import DataLoader from 'dataloader';
import type { SubgraphName } from '../platform/config';
import { badInput } from '../platform/errors';
import type { Context } from './context';
import { querySubgraph } from './subgraph-client';

/**
 * Entities of other subgraphs that a row links to by id (a practice's organizations, a report entry's
 * practices). The row's subgraph stores only the ids; whether the caller may see one (an organization
 * PENDING, a DRAFT agreement) only the owner knows, so it is asked with the caller's token through its
 * `_entities`: null is what the owner answers for an id it does not know or does not show the caller.
 */
export interface LinkOwner {
  /** The owner's GraphQL type. */
  typename: string;
  /** The input field that names the links, for BAD_USER_INPUT. */
  field: string;
  /** The entity in an error message: "organization", "national authority". */
  noun: string;
}

/** Links asked of one owner in one request: a batch holds at most this many ids. */
const MAX_LINKS_ASKED = 100;

/** Whether the caller sees each id, one loader per owner and request (Loaders.seen). */
export type SeenLoaders<O extends string> = Record<O, (batch: DataLoader.BatchLoadFn<string, boolean>) => DataLoader<string, boolean>>;

/**
 * The per-request loaders of seenLinks. Their batch function needs the request itself (the caller's token),
 * which createLoaders is not given: each is made on first use from the batch function then passed, and kept
 * for the request.
 */
export function seenLoaders<O extends string>(owners: readonly O[]): SeenLoaders<O> {
  const loaderOf = (): SeenLoaders<O>[O] => {
    let loader: DataLoader<string, boolean> | null = null;
    return (batch) => (loader ??= new DataLoader(batch, { maxBatchSize: MAX_LINKS_ASKED }));
  };
  return Object.fromEntries(owners.map((owner) => [owner, loaderOf()])) as SeenLoaders<O>;
}

interface SeenAnswer {
  _entities: ({ id: string } | null)[];
}

/**
 * What a subgraph asks about its links to `owners`: `visibleLinks` for reading them, `assertLinks` for a
 * write naming them (BAD_USER_INPUT on the owner's field, with `missing`'s message, for the first id the
 * owner does not show the writer). The links of every row of a request cost one request per owner and tick.
 */
export function linkedEntities<O extends SubgraphName>(owners: Record<O, LinkOwner>, missing: (noun: string, id: string) => string) {
  type Ctx = Context<{ seen: SeenLoaders<O> }>;

  const askOwner =
    (ctx: Ctx, owner: O): DataLoader.BatchLoadFn<string, boolean> =>
    async (ids) => {
      const { typename } = owners[owner];
      const data = await querySubgraph<SeenAnswer>(
        ctx.config.subgraphUrls[owner],
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`,
        { r: ids.map((id) => ({ __typename: typename, id })) },
        { authorization: ctx.authorization, requestId: ctx.requestId },
      );
      return ids.map((_, i) => Boolean(data._entities?.[i]));
    };

  /** For each id, whether the caller sees the entity; throws when the owner cannot be asked (nothing is shown unchecked). */
  async function seen(ctx: Ctx, owner: O, ids: readonly string[]): Promise<boolean[]> {
    if (ids.length === 0) return [];
    const answers = await ctx.loaders.seen[owner](askOwner(ctx, owner)).loadMany(ids);
    const failure = answers.find((answer): answer is Error => answer instanceof Error);
    if (failure) throw failure;
    return answers as boolean[];
  }

  return {
    /**
     * The linked ids the caller may see, in their order. A link to what the caller may not see is left out
     * rather than answered as null: the lists are non-null lists of non-null entities, and the gateway would
     * null the whole row, and every parent up to `data`, for one hidden link.
     */
    visibleLinks: async (ctx: Ctx, owner: O, ids: readonly string[]): Promise<string[]> => {
      const shown = await seen(ctx, owner, ids);
      return ids.filter((_, i) => shown[i]);
    },

    /** Refuses, with BAD_USER_INPUT naming the field, a write linking an id its owner does not show the writer. */
    assertLinks: async (ctx: Ctx, links: Record<O, readonly string[]>): Promise<void> => {
      const names = Object.keys(owners) as O[];
      const answers = await Promise.all(names.map((owner) => seen(ctx, owner, links[owner])));
      names.forEach((owner, i) => {
        const id = links[owner].find((_, j) => !answers[i][j]);
        const { field, noun } = owners[owner];
        if (id) throw badInput(missing(noun, id), field);
      });
    },
  };
}
