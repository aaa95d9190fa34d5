import type { Viewer } from '../common/context';
import { Practice, PracticeStatus } from './entities/practice.entity';

/**
 * The statuses of practice a viewer may read. Everyone reads PUBLISHED only for now; the review
 * workflow (submitPractice, publishPractice) will let the Secretariat, and a practice's submitter,
 * read the others: extend here, every query and lookup asks this function.
 */
export function visiblePracticeStatuses(_viewer: Viewer | null): PracticeStatus[] {
  return [PracticeStatus.PUBLISHED];
}

export function canSeePractice(viewer: Viewer | null, practice: Pick<Practice, 'status'>): boolean {
  return visiblePracticeStatuses(viewer).includes(practice.status);
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
