import type { Viewer } from '../platform/auth';
import { badInput, forbidden } from '../platform/errors';
import { Practice, PracticeStatus } from './entities/practice.entity';
import { isSubmitter } from './visibility';

/** The one place that says who may change a practice, and from which status (docs/api.md, Practices). */

const WITHDRAWN_IS_FINAL = 'This practice was WITHDRAWN: a withdrawn practice cannot change any more.';

/** Refuses any change of a WITHDRAWN practice with BAD_USER_INPUT. */
function assertNotWithdrawn(practice: Practice): void {
  if (practice.status === PracticeStatus.WITHDRAWN) throw badInput(WITHDRAWN_IS_FINAL, 'id');
}

/**
 * updatePractice: its submitter while SUBMITTED or REJECTED, the Secretariat in any status but WITHDRAWN.
 * Returns whether the change goes back to review (a REJECTED practice changed by its submitter).
 */
export function assertMayUpdate(viewer: Viewer, practice: Practice): { resubmits: boolean } {
  if (viewer.role === 'SECRETARIAT') {
    assertNotWithdrawn(practice);
    return { resubmits: false };
  }
  if (!isSubmitter(viewer, practice)) throw forbidden('Only its submitter or the SECRETARIAT may change a practice.');
  assertNotWithdrawn(practice);
  if (practice.status === PracticeStatus.PUBLISHED) {
    throw forbidden('This practice is PUBLISHED: ask the Secretariat to change it, or withdraw it.');
  }
  return { resubmits: practice.status === PracticeStatus.REJECTED };
}

/** withdrawPractice: its submitter or the Secretariat, from SUBMITTED, REJECTED or PUBLISHED. */
export function assertMayWithdraw(viewer: Viewer, practice: Practice): void {
  if (viewer.role !== 'SECRETARIAT' && !isSubmitter(viewer, practice)) {
    throw forbidden('Only its submitter or the SECRETARIAT may withdraw a practice.');
  }
  assertNotWithdrawn(practice);
}

/** publishPractice and rejectPractice (the Secretariat's, by @Authorized): a SUBMITTED practice only. */
export function assertUnderReview(practice: Practice, to: PracticeStatus.PUBLISHED | PracticeStatus.REJECTED): void {
  assertNotWithdrawn(practice);
  if (practice.status === PracticeStatus.SUBMITTED) return;
  const already = practice.status === to ? 'already ' : '';
  throw badInput(`This practice is ${already}${practice.status}: only a SUBMITTED practice can be ${to}.`, 'id');
}
