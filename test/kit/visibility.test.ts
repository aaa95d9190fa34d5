import { visibleRows, type Visibility } from '../../services/kit/visibility';

interface Row {
  id: string;
  seen: boolean;
}

const rule = (check: (row: Row) => boolean | Promise<boolean>): Visibility<Row> => ({ canSee: check, sql: () => null });
const row = (id: string, seen = true): Row => ({ id, seen });

describe('visibleRows', () => {
  it('keeps the rows the viewer may see, in their order, each once, without the missing ones', async () => {
    const rows = [row('b'), row('a', false), null, row('c'), row('b'), undefined, row('a')];
    expect(
      await visibleRows(
        rule((r) => r.seen),
        rows,
      ),
    ).toEqual([row('b'), row('c')]);
  });

  it('asks an asynchronous rule about every row before any answers, as a DataLoader batch needs', async () => {
    const asked: string[] = [];
    let askedBeforeFirstAnswer = 0;
    const check = async (r: Row) => {
      asked.push(r.id);
      await Promise.resolve();
      askedBeforeFirstAnswer ||= asked.length;
      return r.id !== 'b';
    };
    expect(await visibleRows(rule(check), [row('a'), row('b'), row('c')])).toEqual([row('a'), row('c')]);
    expect(askedBeforeFirstAnswer).toBe(3);
  });

  it('tells rows apart by the key given', async () => {
    const rows = [{ code: 'GT' }, { code: 'SV' }, { code: 'GT' }];
    const all: Visibility<{ code: string }> = { canSee: () => true, sql: () => null };
    expect(await visibleRows(all, rows, (r) => r.code)).toEqual([{ code: 'GT' }, { code: 'SV' }]);
  });
});
