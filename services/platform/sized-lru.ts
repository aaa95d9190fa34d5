/**
 * A map that keeps its most recently used entries within a budget of sizes (bytes, characters: the caller's
 * unit): an entry larger than the whole budget is not kept, and the least recently used go first.
 */
export class SizedLru<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private used = 0;

  constructor(readonly budget: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last: the oldest is the first out.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, value: V, size: number): void {
    this.delete(key);
    if (size > this.budget) return;
    this.entries.set(key, { value, size });
    this.used += size;
    for (const [oldest] of this.entries) {
      if (this.used <= this.budget) break;
      this.delete(oldest);
    }
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.used -= entry.size;
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  /** The sizes of the entries kept, together. */
  get size(): number {
    return this.used;
  }

  get count(): number {
    return this.entries.size;
  }
}
