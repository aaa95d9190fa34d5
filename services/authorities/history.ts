import type { EntityManager } from 'typeorm';
import { changedFields as changedOf, recordChange as record, type FieldChange } from '../kit/change-log';
import { AuthorityChange, AuthorityChangeKind } from './entities/authority-change.entity';
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

/** The tracked fields whose value differs between `before` (null: a new authority) and `after`. */
export const changedFields = (before: Tracked | null, after: Tracked): FieldChange[] => changedOf<Tracked>(TRACKED, before, after);

/** Appends one entry to the directory's history, in the transaction of the change it records (kit/change-log.ts). */
export async function recordChange(
  manager: EntityManager,
  change: { kind: AuthorityChangeKind; authority: NationalAuthority; userId: string; at: Date; fields: FieldChange[] },
): Promise<void> {
  const { kind, authority, userId, at, fields } = change;
  await record(manager, AuthorityChange, { kind, authorityId: authority.id, countryCode: authority.countryCode, userId, at, fields });
}
