import type { Context } from './context';
import { normalizeCountryCode } from './countries';
import { UUID_PATTERN } from './ids';
import type { Visibility } from './visibility';

/**
 * The key of an entity: the field of a representation that holds it, and how a value given by a client
 * or another subgraph becomes the key the loader is keyed by (null when it cannot be one: then nothing is
 * looked up and the entity is null).
 */
export interface EntityKey<K> {
  field: string;
  parse: (value: unknown) => K | null;
}

/** An `id` that is a UUID, in lower case as ids are stored (a UUID is the same in any case). */
export const byId: EntityKey<string> = {
  field: 'id',
  parse: (value) => (typeof value === 'string' && UUID_PATTERN.test(value) ? value.toLowerCase() : null),
};

/**
 * A whole `number` (Guideline). The key arrives as JSON from another subgraph: "51" is taken as 51, as
 * a client's Int would be.
 */
export const byNumber: EntityKey<number> = {
  field: 'number',
  parse: (value) => {
    const number = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
    return typeof number === 'number' && Number.isSafeInteger(number) ? number : null;
  },
};

/** The ISO `code` of an OAS Member State, in any case (Country). */
export const byCode: EntityKey<string> = {
  field: 'code',
  parse: (value) => (typeof value === 'string' ? normalizeCountryCode(value) : null),
};

export interface EntityReferenceOptions<K, T, L> {
  key: EntityKey<K>;
  /** Loads the row through the request's DataLoader: the representations of one `_entities` call make one batch. */
  load: (ctx: Context<L>, key: K) => Promise<T | null>;
  /** The viewer's visibility of these rows (services/<name>/visibility.ts); every row is visible without it. */
  visibility?: (ctx: Context<L>) => Visibility<T> | Promise<Visibility<T>>;
}

/**
 * How one entity of this subgraph is found by its key: for the gateway's `_entities` and for root lookups
 * alike. Methods, so that a reference for a subgraph's own loaders is one of `EntityReference<T>` too.
 */
export interface EntityReference<T, L = unknown> {
  /** The row with this key that the viewer may see; null for a malformed key, an unknown one or a hidden row. */
  find(ctx: Context<L>, value: unknown): Promise<T | null>;
  /** `__resolveReference` of the entity: `find` with the key field of the representation. */
  resolveReference(representation: Record<string, unknown>, ctx: Context<L>): Promise<T | null>;
}

/**
 * One way to resolve an entity for every subgraph: the key is checked, the row loaded in a batch, and a row
 * the viewer may not see is null like a missing one, so that a hidden row cannot be told from none.
 */
export function entityReference<K, T, L>({ key, load, visibility }: EntityReferenceOptions<K, T, L>): EntityReference<T, L> {
  const find = async (ctx: Context<L>, value: unknown): Promise<T | null> => {
    const parsed = key.parse(value);
    if (parsed === null) return null;
    const row = await load(ctx, parsed);
    if (row === null || row === undefined) return null;
    return !visibility || (await (await visibility(ctx)).canSee(row)) ? row : null;
  };
  return { find, resolveReference: (representation, ctx) => find(ctx, representation[key.field]) };
}
