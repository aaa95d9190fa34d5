import type { Context } from '../../services/kit/context';
import { byCode, byId, byNumber, entityReference } from '../../services/kit/entity-reference';
import { newId } from '../../services/kit/ids';
import type { Visibility } from '../../services/kit/visibility';

interface Row {
  id: string;
  hidden: boolean;
}

/** A reference over an in-memory table that records what it was asked to load. */
function tableReference(rows: Row[]) {
  const asked: string[] = [];
  const visibility: Visibility<Row> = { canSee: (row) => !row.hidden, sql: () => null };
  const reference = entityReference({
    key: byId,
    load: async (_ctx: Context, id: string) => (asked.push(id), rows.find((row) => row.id === id) ?? null),
    visibility: () => visibility,
  });
  return { reference, asked };
}

const ctx = {} as Context;

describe('entity keys', () => {
  it('take a UUID in any case as the lower-case id, and nothing else', () => {
    const id = newId();
    expect(byId.parse(id)).toBe(id);
    expect(byId.parse(id.toUpperCase())).toBe(id);
    for (const bad of ['nope', `${id}x`, '', 42, null, undefined, { id }]) expect(byId.parse(bad)).toBeNull();
  });

  it('take a whole number, given as a number or as digits, for a guideline number', () => {
    expect(byNumber.parse(51)).toBe(51);
    expect(byNumber.parse('51')).toBe(51);
    for (const bad of [1.5, '5x', '', ' 5', true, null, Number.NaN, 2 ** 60]) expect(byNumber.parse(bad)).toBeNull();
  });

  it('take the code of an OAS Member State in any case, upper-cased', () => {
    expect(byCode.parse('gt')).toBe('GT');
    expect(byCode.parse('GT')).toBe('GT');
    for (const bad of ['FR', 'GTM', '', 7, null]) expect(byCode.parse(bad)).toBeNull();
  });
});

describe('entityReference', () => {
  const visible = { id: newId(), hidden: false };
  const hidden = { id: newId(), hidden: true };

  it('finds a row the viewer may see, by a key in any case', async () => {
    const { reference } = tableReference([visible]);
    expect(await reference.find(ctx, visible.id.toUpperCase())).toBe(visible);
  });

  it('answers null for an unknown key and for a row the viewer may not see', async () => {
    const { reference } = tableReference([visible, hidden]);
    expect(await reference.find(ctx, newId())).toBeNull();
    expect(await reference.find(ctx, hidden.id)).toBeNull();
  });

  it('looks nothing up for a malformed key', async () => {
    const { reference, asked } = tableReference([visible]);
    expect(await reference.find(ctx, 'not-a-uuid')).toBeNull();
    expect(await reference.find(ctx, 12)).toBeNull();
    expect(asked).toEqual([]);
  });

  it('resolves a representation by its key field', async () => {
    const { reference } = tableReference([visible]);
    expect(await reference.resolveReference({ __typename: 'Row', id: visible.id }, ctx)).toBe(visible);
    expect(await reference.resolveReference({ __typename: 'Row', code: visible.id }, ctx)).toBeNull();
  });
});
