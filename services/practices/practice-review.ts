import type { DataSource } from 'typeorm';
import { inTransaction } from '../kit/transaction';
import type { Viewer } from '../platform/auth';
import { badInput } from '../platform/errors';
import { assertMayWithdraw, assertUnderReview } from './access';
import { PracticeChangeKind } from './entities/practice-change.entity';
import { Practice, PracticeStatus } from './entities/practice.entity';
import { changedFields, recordChange } from './history';
import { lockedPractice, recordOf } from './practice-rows';

/** The longest reason a rejection may give, trimmed. */
export const MAX_REVIEW_NOTE_LENGTH = 2000;

/**
 * Moves a practice to `status` (with `changes`) once `check` allows it, and records it, in one transaction.
 * The row is read locked (practice-writes.ts lockedPractice): of two reviews at once, the second sees the first.
 */
async function review(
  db: DataSource,
  viewer: Viewer,
  id: string,
  check: (practice: Practice) => void,
  move: { kind: PracticeChangeKind; status: PracticeStatus; reviewNote?: string | null },
): Promise<Practice> {
  return inTransaction(db, async (manager) => {
    const practice = await lockedPractice(manager, id);
    check(practice);
    const before = await recordOf(manager, practice);
    const changes = { status: move.status, updatedAt: new Date(), ...(move.reviewNote !== undefined && { reviewNote: move.reviewNote }) };
    await manager.update(Practice, { id: practice.id }, changes);
    const fields = changedFields(before, { ...before, ...changes });
    await recordChange(manager, { kind: move.kind, practiceId: practice.id, userId: viewer.id, at: changes.updatedAt, fields });
    return Object.assign(practice, changes);
  });
}

/** Publishes a SUBMITTED practice: it joins the public library, and the note of an earlier rejection has served. */
export const publishPractice = (db: DataSource, viewer: Viewer, id: string): Promise<Practice> =>
  review(db, viewer, id, (practice) => assertUnderReview(practice, PracticeStatus.PUBLISHED), {
    kind: PracticeChangeKind.PUBLISHED,
    status: PracticeStatus.PUBLISHED,
    reviewNote: null,
  });

/** Rejects a SUBMITTED practice with a reason, which its submitter reads as reviewNote. */
export function rejectPractice(db: DataSource, viewer: Viewer, id: string, reason: string): Promise<Practice> {
  const note = reason.trim();
  if (note.length < 1 || note.length > MAX_REVIEW_NOTE_LENGTH) {
    throw badInput(`reason must have 1 to ${MAX_REVIEW_NOTE_LENGTH} characters once trimmed.`, 'reason');
  }
  return review(db, viewer, id, (practice) => assertUnderReview(practice, PracticeStatus.REJECTED), {
    kind: PracticeChangeKind.REJECTED,
    status: PracticeStatus.REJECTED,
    reviewNote: note,
  });
}

/** Withdraws a practice for good: from then on only the Secretariat reads it. */
export const withdrawPractice = (db: DataSource, viewer: Viewer, id: string): Promise<Practice> =>
  review(db, viewer, id, (practice) => assertMayWithdraw(viewer, practice), {
    kind: PracticeChangeKind.WITHDRAWN,
    status: PracticeStatus.WITHDRAWN,
  });
