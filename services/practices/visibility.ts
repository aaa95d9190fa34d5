import type { Viewer } from '../platform/auth';
import { Practice, PracticeStatus } from './entities/practice.entity';

/**
 * Who reads a practice: everyone reads a PUBLISHED one; a SUBMITTED or REJECTED one is read only by the
 * person who submitted it and by the Secretariat. Every query and lookup of this subgraph asks here.
 */
export function canSeePractice(viewer: Viewer | null, practice: Pick<Practice, 'status' | 'submittedBy'>): boolean {
  if (practice.status === PracticeStatus.PUBLISHED) return true;
  if (!viewer) return false;
  return viewer.role === 'SECRETARIAT' || (practice.submittedBy !== null && practice.submittedBy === viewer.id);
}

/** The same rule as a condition on `alias` (a practices row) for list queries; null when the viewer sees all. */
export function practiceVisibilityCondition(
  viewer: Viewer | null,
  alias: string,
): { condition: string; parameters: Record<string, string> } | null {
  if (viewer?.role === 'SECRETARIAT') return null;
  const parameters: Record<string, string> = { visibleStatus: PracticeStatus.PUBLISHED };
  if (!viewer) return { condition: `${alias}.status = :visibleStatus`, parameters };
  parameters.viewerId = viewer.id;
  return { condition: `(${alias}.status = :visibleStatus OR ${alias}.submitted_by = :viewerId)`, parameters };
}

/** The practices of a reverse list (links with their practice) that the viewer may see, in order. */
export function visiblePractices(viewer: Viewer | null, links: { practice?: Practice }[]): Practice[] {
  const seen = new Set<string>();
  return links.flatMap(({ practice }) => {
    if (!practice || seen.has(practice.id) || !canSeePractice(viewer, practice)) return [];
    seen.add(practice.id);
    return [practice];
  });
}
