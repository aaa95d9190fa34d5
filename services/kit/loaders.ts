import DataLoader from 'dataloader';

const MAX_BATCH = 1000;

/**
 * The keys of a batch, the last one repeated up to the next power of two (MAX_BATCH at most), so that a
 * loader's `IN (?, ?, ...)` has one of 11 lengths, not one per batch size. Each new length is a new SQL
 * text, so a new prepared statement; on SQLite those pushed each other out of TypeORM's 100-statement
 * cache, and a dropped better-sqlite3 statement keeps its native memory until V8 happens to collect its
 * small wrapper (see membershipsSql in services/organizations/visibility.ts). A repeated key costs the
 * database nothing and the results are matched by key.
 */
export function paddedKeys<K>(keys: readonly K[]): K[] {
  let size = 1;
  while (size < keys.length) size *= 2;
  size = Math.min(size, Math.max(MAX_BATCH, keys.length));
  const padded = [...keys];
  while (padded.length < size) padded.push(keys[keys.length - 1]);
  return padded;
}

/** A per-request loader of one row per key (null when missing), from one query per batch of keys. */
export function rowLoader<K extends string | number, V>(fetch: (keys: K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const rows = await fetch(paddedKeys(keys));
      const byKey = new Map(rows.map((row) => [keyOf(row), row] as const));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** A per-request loader of the rows belonging to each key (a nested list), from one query per batch. */
export function groupLoader<K extends string | number, V>(fetch: (keys: K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(
    async (keys) => {
      const rows = await fetch(paddedKeys(keys));
      const groups = new Map<K, V[]>();
      for (const row of rows) {
        const key = keyOf(row);
        const group = groups.get(key);
        if (group) group.push(row);
        else groups.set(key, [row]);
      }
      return keys.map((key) => groups.get(key) ?? []);
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/**
 * One loader per distinct parameter value (a visibility, a filter, a page size), made on first use: fields
 * with the same arguments on many parents (Country.organizations of 35 countries) share one batch, so one
 * statement. `keyOf` gives the value as plain data.
 */
export function loaderFamily<P, K, V>(
  make: (params: P) => DataLoader<K, V>,
  keyOf: (params: P) => unknown = (params) => params,
): ((params: P) => DataLoader<K, V>) & { clear: (key: K) => void } {
  const loaders = new Map<string, DataLoader<K, V>>();
  const family = (params: P) => {
    const key = JSON.stringify(keyOf(params));
    let loader = loaders.get(key);
    if (!loader) {
      loader = make(params);
      loaders.set(key, loader);
    }
    return loader;
  };
  /** Forgets what every loader of the family cached for a key (after a write). */
  const clear = (key: K) => loaders.forEach((loader) => loader.clear(key));
  return Object.assign(family, { clear });
}

/**
 * A per-request loader of the first rows of each key's list, keyed by (key, page size): one loader per page
 * size, each of one statement per batch of keys, whose SQL bounds each list (firstOfEach in pagination.ts).
 */
export function firstOfEachLoader<K extends string | number, V>(
  fetch: (keys: K[], first: number) => Promise<V[]>,
  keyOf: (row: V) => K,
): ((first: number) => DataLoader<K, V[]>) & { clear: (key: K) => void } {
  return loaderFamily((first: number) => groupLoader((keys: K[]) => fetch(keys, first), keyOf));
}

/** A value made on first call and kept for the request (a visibility that reads rows); `reset` forgets it after a write. */
export function lazy<T>(make: () => Promise<T>): (() => Promise<T>) & { reset: () => void } {
  let promise: Promise<T> | null = null;
  return Object.assign(() => (promise ??= make()), { reset: () => (promise = null) });
}
