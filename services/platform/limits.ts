/**
 * Limits that the gateway and the subgraphs agree on. The subgraphs enforce them; the gateway's edge
 * prices an operation with them (a list field selects at most a page).
 */

/** Page sizes of every connection: `first` defaults to 20 and may be 1 to 100. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
