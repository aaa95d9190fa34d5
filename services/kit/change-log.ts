import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Directive, Field, ObjectType } from 'type-graphql';
import { newId } from './ids';

/**
 * Every write to a subgraph's records is recorded in its change log, in the transaction of the write: who,
 * when, what kind of change, and each field's old and new value. One shape everywhere (the directory's
 * `authorityHistory` was the first): each subgraph keeps its own `<thing>_changes` table, whose entity has
 * the columns of ChangeRow, and a SECRETARIAT-only `<thing>History` query, newest first, of FieldChange lists.
 * Rows are never updated or deleted, and hold no foreign key: the history outlives what it describes.
 */
@Directive('@shareable')
@ObjectType({ description: 'One field of a record before and after a change; lists are comma-separated.' })
export class FieldChange {
  @Field(() => String, { description: 'The field, as the GraphQL type names it (e.g. phone, competences).' })
  field: string;

  @Field(() => String, { nullable: true, description: 'Its value before the change; null when it had none (always on CREATED).' })
  oldValue: string | null;

  @Field(() => String, { nullable: true, description: 'Its value after the change; null when cleared.' })
  newValue: string | null;
}

/** The columns every change-log entity has (see authorities' AuthorityChange), beside its own subject ids. */
export interface ChangeRow {
  id: string;
  kind: string;
  countryCode: string | null;
  userId: string;
  at: Date;
  fields: FieldChange[];
  recency: string;
}

type Value = string | number | boolean | Date | null | undefined | readonly (string | number)[];

/** A value as the history shows it: text, lists comma-separated, dates in ISO 8601, none as null. */
export function shown(value: Value): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(',');
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** The `tracked` fields whose value differs between `before` (null: a new record) and `after`. */
export function changedFields<T>(tracked: readonly (keyof T & string)[], before: T | null, after: T): FieldChange[] {
  return tracked.flatMap((field) => {
    const oldValue = before ? shown(before[field] as Value) : null;
    const newValue = shown(after[field] as Value);
    return oldValue === newValue ? [] : [{ field, oldValue, newValue }];
  });
}

const LATEST = 9_999_999_999_999;

/**
 * The sort key of "newest first": the shared keyset pagination sorts ascending on a column, and an inverted,
 * zero-padded time sorts the same on SQLite and MySQL. 13 digits, until the year 2286.
 */
export function recencyKey(at: Date): string {
  return String(LATEST - at.getTime()).padStart(13, '0');
}

/** Appends one entry to a change log, in the transaction (`manager`) of the change it records. */
export async function recordChange<E extends ChangeRow & ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E> & (new () => E),
  change: Omit<E, 'id' | 'recency'>,
): Promise<E> {
  const row = Object.assign(new entity(), change, { id: newId(), recency: recencyKey(change.at) });
  await manager.insert(entity, row);
  return row;
}
