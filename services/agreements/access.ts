import type { Viewer } from '../platform/auth';
import { forbidden } from '../platform/errors';

export const WHO_MAY_MANAGE = 'Only an AUTHORITY of a party country or the SECRETARIAT may create an agreement or change its status.';

/** Refuses a viewer with neither role before anything else is looked at. */
export function assertManagerRole(viewer: Viewer): void {
  if (viewer.role !== 'SECRETARIAT' && viewer.role !== 'AUTHORITY') throw forbidden(WHO_MAY_MANAGE);
}

/** The Secretariat manages every agreement; an AUTHORITY those its country is party to. */
export function assertMayManage(viewer: Viewer, partyCountries: readonly string[]): void {
  assertManagerRole(viewer);
  if (viewer.role === 'SECRETARIAT') return;
  if (!viewer.country || !partyCountries.includes(viewer.country)) {
    throw forbidden(
      `${WHO_MAY_MANAGE} Your country (${viewer.country ?? 'none'}) is not among the parties (${partyCountries.join(', ')}).`,
    );
  }
}
