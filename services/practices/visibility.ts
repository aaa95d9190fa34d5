import type { Viewer } from '../platform/auth';
import type { Visibility } from '../kit/visibility';
import { Practice, PracticeStatus } from './entities/practice.entity';

/**
 * Who reads a practice: everyone reads a PUBLISHED one; a SUBMITTED or REJECTED one is read only by the
 * person who submitted it and by the Secretariat. Every query and lookup of this subgraph asks here.
 */
export function practiceVisibility(viewer: Viewer | null): Visibility<Practice> {
  return {
    canSee: (practice) => {
      if (practice.status === PracticeStatus.PUBLISHED) return true;
      if (!viewer) return false;
      return viewer.role === 'SECRETARIAT' || (practice.submittedBy !== null && practice.submittedBy === viewer.id);
    },
    sql: (alias) => {
      if (viewer?.role === 'SECRETARIAT') return null;
      const parameters: Record<string, string> = { visibleStatus: PracticeStatus.PUBLISHED };
      if (!viewer) return { sql: `${alias}.status = :visibleStatus`, parameters };
      parameters.viewerId = viewer.id;
      return { sql: `(${alias}.status = :visibleStatus OR ${alias}.submitted_by = :viewerId)`, parameters };
    },
  };
}
