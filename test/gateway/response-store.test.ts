import { MemoryStore, type StoredAnswer } from '../../gateway/response-store';

/**
 * The response cache's store in the gateway process keeps what RESPONSE_CACHE_MAX_MB allows: the most
 * recently used answers within the budget, never one larger than all of it.
 */

const answer = (bytes: number): StoredAnswer => ({
  body: Buffer.alloc(bytes, 'x'),
  generations: {},
  storedAt: 0,
  operationName: null,
  accept: 'application/json',
  headers: {},
});

/** What one stored answer counts against the budget: its body, its key twice over (UTF-16) and 500 bytes of the rest. */
const cost = (key: string, bytes: number) => bytes + key.length * 2 + 500;

describe("the response cache's memory store", () => {
  it('keeps the most recently used answers within its budget, the least recently used out first', async () => {
    const store = new MemoryStore(cost('a', 1000) * 3);
    await store.set('a', answer(1000));
    await store.set('b', answer(1000));
    await store.set('c', answer(1000));
    expect(await store.get('a')).toBeDefined(); // now the most recently used
    await store.set('d', answer(1000));
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
    expect(await store.get('c')).toBeDefined();
    expect(await store.get('d')).toBeDefined();
  });

  it('never keeps an answer larger than the whole budget, and drops the older one stored under its key', async () => {
    const store = new MemoryStore(cost('a', 1000));
    await store.set('a', answer(1000));
    await store.set('a', answer(5000));
    expect(await store.get('a')).toBeUndefined();
    await store.set('b', answer(500));
    expect((await store.get('b'))?.body.length).toBe(500);
  });

  it('frees what a deleted answer held', async () => {
    const store = new MemoryStore(cost('a', 1000) * 2);
    await store.set('a', answer(1000));
    await store.set('b', answer(1000));
    await store.delete('a');
    await store.set('c', answer(1000));
    expect(await store.get('b')).toBeDefined();
    expect(await store.get('c')).toBeDefined();
  });
});
