/**
 * Limits that the gateway and the subgraphs agree on. The subgraphs enforce them; the gateway's edge
 * prices an operation with them (a list field selects at most a page).
 */

/** Page sizes of every connection: `first` defaults to 20 and may be 1 to 100. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * The most elements a list field without a `first` argument can hold, by `Type.field`: what the edge
 * prices it at (services/platform/operation-limits.ts). A list of objects with neither `first` nor an
 * entry here is priced at LIST_SIZE.
 */
export const LIST_CAPS: Readonly<Record<string, number>> = {};
