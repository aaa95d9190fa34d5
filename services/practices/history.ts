import type { EntityManager } from 'typeorm';
import { changedFields as changedOf, recordChange as record, type FieldChange } from '../kit/change-log';
import type { Population } from '../kit/enums';
import { PracticeChange, PracticeChangeKind } from './entities/practice-change.entity';
import type { Practice } from './entities/practice.entity';

/**
 * A practice with its lists, as the history compares it: each list sorted, so that the same links given in
 * another order are no change. The links are named as the Practice type names them (organizations: ids).
 */
export type PracticeRecord = Pick<
  Practice,
  'title' | 'summary' | 'body' | 'pillar' | 'status' | 'year' | 'language' | 'sourceUrl' | 'reviewNote'
> & {
  countries: string[];
  guidelines: number[];
  populations: Population[];
  organizations: string[];
  authorities: string[];
};

/** The fields of a practice the history follows, as the Practice type names them. */
export const TRACKED = [
  'title',
  'summary',
  'body',
  'pillar',
  'status',
  'countries',
  'guidelines',
  'populations',
  'organizations',
  'authorities',
  'year',
  'language',
  'sourceUrl',
  'reviewNote',
] as const satisfies readonly (keyof PracticeRecord)[];

/** The tracked fields whose value differs between `before` (null: a new practice) and `after`. */
export const changedFields = (before: PracticeRecord | null, after: PracticeRecord): FieldChange[] =>
  changedOf<PracticeRecord>(TRACKED, before, after);

/** Appends one entry to the library's history, in the transaction of the change it records (kit/change-log.ts). */
export async function recordChange(
  manager: EntityManager,
  change: { kind: PracticeChangeKind; practiceId: string; userId: string; at: Date; fields: FieldChange[] },
): Promise<void> {
  await record(manager, PracticeChange, { ...change, countryCode: null });
}
