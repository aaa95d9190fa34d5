import type { Viewer } from '../platform/auth';
import type { Visibility } from '../kit/visibility';
import { Practice, PracticeStatus } from './entities/practice.entity';

/** The submitter of a practice (null for the demo library, which no account submitted). */
export const isSubmitter = (viewer: Viewer | null, practice: Practice): boolean =>
  viewer !== null && practice.submittedBy !== null && practice.submittedBy === viewer.id;

/**
 * Who reads a practice: everyone reads a PUBLISHED one; a SUBMITTED or REJECTED one is read only by the
 * person who submitted it and by the Secretariat; a WITHDRAWN one by the Secretariat only (its submitter
 * took it back: it leaves their lists too). Every query and lookup of this subgraph asks here.
 */
export function practiceVisibility(viewer: Viewer | null): Visibility<Practice> {
  return {
    canSee: (practice) => {
      if (practice.status === PracticeStatus.PUBLISHED || viewer?.role === 'SECRETARIAT') return true;
      return practice.status !== PracticeStatus.WITHDRAWN && isSubmitter(viewer, practice);
    },
    sql: (alias) => {
      if (viewer?.role === 'SECRETARIAT') return null;
      const parameters: Record<string, string> = { visibleStatus: PracticeStatus.PUBLISHED };
      if (!viewer) return { sql: `${alias}.status = :visibleStatus`, parameters };
      Object.assign(parameters, { viewerId: viewer.id, withdrawn: PracticeStatus.WITHDRAWN });
      return {
        sql: `(${alias}.status = :visibleStatus OR (${alias}.submitted_by = :viewerId AND ${alias}.status <> :withdrawn))`,
        parameters,
      };
    },
  };
}

/** Whether the viewer reads the practice's reviewNote: its submitter (even once published) and the Secretariat. */
export const readsReviewNote = (viewer: Viewer | null, practice: Practice): boolean =>
  viewer?.role === 'SECRETARIAT' || isSubmitter(viewer, practice);
