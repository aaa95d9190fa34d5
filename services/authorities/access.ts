import type { Viewer } from '../platform/auth';
import { forbidden, unauthenticated } from '../platform/errors';

/**
 * The one ownership rule of the directory (mandates 9 and 10): the Secretariat keeps every country's
 * entries, an AUTHORITY those of its own country only. Checked before anything is written.
 */
export function assertMayEdit(viewer: Viewer | null, country: string): Viewer {
  if (!viewer) throw unauthenticated();
  if (viewer.role === 'SECRETARIAT') return viewer;
  if (viewer.role === 'AUTHORITY' && viewer.country === country) return viewer;
  throw forbidden(
    `Only the SECRETARIAT or an AUTHORITY of ${country} may change ${country}'s directory` +
      (viewer.role === 'AUTHORITY' ? ` (your country is ${viewer.country ?? 'none'}).` : '.'),
  );
}
