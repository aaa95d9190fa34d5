import type { EntityManager } from 'typeorm';
import { changedFields, recordChange as record, type FieldChange } from '../kit/change-log';
import { ReportChange, ReportChangeKind } from './entities/report-change.entity';

/** The fields of `tracked` that differ between `before` (null: new) and `after`, named with `prefix` (e.g. "entries[51-a]."). */
export function changed<T>(tracked: readonly (keyof T & string)[], before: T | null, after: T, prefix = ''): FieldChange[] {
  return changedFields<T>(tracked, before, after).map((change) => ({ ...change, field: `${prefix}${change.field}` }));
}

/** Appends one entry to the cycle's history, in the transaction of the change it records (kit/change-log.ts). */
export async function recordChange(
  manager: EntityManager,
  change: { kind: ReportChangeKind; subjectId: string; countryCode: string | null; userId: string; at: Date; fields: FieldChange[] },
): Promise<void> {
  await record(manager, ReportChange, change);
}
