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

/** A value made on first call and kept for the request (a visibility that reads rows); `reset` forgets it after a write. */
export function lazy<T>(make: () => Promise<T>): (() => Promise<T>) & { reset: () => void } {
  let promise: Promise<T> | null = null;
  return Object.assign(() => (promise ??= make()), { reset: () => (promise = null) });
}
