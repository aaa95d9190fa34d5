import type { EntityManager } from 'typeorm';
import { newId } from '../kit/ids';
import { AuthorityChange, AuthorityChangeKind, AuthorityFieldChange, recencyKey } from './entities/authority-change.entity';
import type { NationalAuthority } from './entities/national-authority.entity';

/** The fields of an authority the history follows, as NationalAuthority names them. */
export const TRACKED = [
  'name',
  'acronym',
  'competences',
  'description',
  'website',
  'email',
  'phone',
  'isContactPoint',
  'archived',
] as const;
export type Tracked = Pick<NationalAuthority, (typeof TRACKED)[number]>;

/** A value as the history shows it: text, lists comma-separated, none as null. */
function shown(value: Tracked[keyof Tracked]): string | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** The tracked fields whose value differs between `before` (null: a new authority) and `after`. */
export function changedFields(before: Tracked | null, after: Tracked): AuthorityFieldChange[] {
  return TRACKED.flatMap((field) => {
    const oldValue = before ? shown(before[field]) : null;
    const newValue = shown(after[field]);
    return oldValue === newValue ? [] : [{ field, oldValue, newValue }];
  });
}

/** Appends one entry to the history, in the transaction of the change it records. */
export async function recordChange(
  manager: EntityManager,
  change: { kind: AuthorityChangeKind; authority: NationalAuthority; userId: string; at: Date; fields: AuthorityFieldChange[] },
): Promise<void> {
  const { kind, authority, userId, at, fields } = change;
  const row = Object.assign(new AuthorityChange(), {
    id: newId(),
    kind,
    authorityId: authority.id,
    countryCode: authority.countryCode,
    userId,
    at,
    fields,
    recency: recencyKey(at),
  });
  await manager.insert(AuthorityChange, row);
}
