/** Page sizes of every connection: `first` defaults to 20 and may be 1 to 100. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
