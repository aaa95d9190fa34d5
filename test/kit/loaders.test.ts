import { groupLoader, paddedKeys, rowLoader } from '../../services/kit/loaders';

describe('per-request loaders', () => {
  it('ask for their keys in one of a few list lengths, so that each loader prepares few distinct statements', () => {
    const lengths = new Set(Array.from({ length: 1000 }, (_, i) => paddedKeys(Array.from({ length: i + 1 }, (_, k) => k)).length));
    expect([...lengths].sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000]);
    expect(paddedKeys(['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'c']);
  });

  it('still answer each key with its own row or rows', async () => {
    const asked: string[][] = [];
    const rows = rowLoader(
      async (keys: string[]) => (asked.push(keys), keys.filter((k) => k !== 'x').map((id) => ({ id }))),
      (row) => row.id,
    );
    expect(await Promise.all(['a', 'b', 'x'].map((key) => rows.load(key)))).toEqual([{ id: 'a' }, { id: 'b' }, null]);
    expect(asked).toEqual([['a', 'b', 'x', 'x']]);

    const groups = groupLoader(
      async (keys: string[]) =>
        keys.flatMap((key) => [
          { key, n: 1 },
          { key, n: 2 },
        ]),
      (row) => row.key,
    );
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((key) => groups.load(key)));
    expect(a).toEqual([
      { key: 'a', n: 1 },
      { key: 'a', n: 2 },
    ]);
    expect(b).toHaveLength(2);
    // The padded key comes back twice from a fetch that answers per key given; a database answers it once.
    expect(c.every((row) => row.key === 'c')).toBe(true);
  });
});
