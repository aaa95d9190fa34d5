import type { Viewer } from '../common/context';
import { Organization, VerificationStatus } from './entities/organization.entity';
import { Service, ServiceType } from './entities/service.entity';
import { Shelter } from './entities/shelter.entity';
import { coarsen } from './geo';

/**
 * What a viewer may see, as plain data: SQL queries filter with it, and per-request loaders of lists
 * are keyed by it. The one place that decides visibility in this subgraph.
 */
export interface Visibility {
  /** Statuses of the organizations whose profile and services the viewer sees. */
  organizationStatuses: VerificationStatus[];
  /** Organizations whose shelters' address, free beds and exact position the viewer sees ('ALL': every one). */
  shelterDetails: 'ALL' | string[];
}

const PUBLIC: Visibility = { organizationStatuses: [VerificationStatus.VERIFIED], shelterDetails: [] };

/**
 * Everyone is the public until accounts and tokens arrive: then the Secretariat sees every status and
 * every shelter, an AUTHORITY every shelter, and members their own organization and its shelters.
 */
export function visibilityOf(_viewer: Viewer | null): Visibility {
  return PUBLIC;
}

export function canSeeOrganization(viewer: Viewer | null, organization: Organization): boolean {
  return visibilityOf(viewer).organizationStatuses.includes(organization.status);
}

/** May the viewer read the address and free beds of this organization's shelters, and their exact position? */
export function canSeeShelterDetails(viewer: Viewer | null, organizationId: string): boolean {
  if (!viewer) return false;
  const details = visibilityOf(viewer).shelterDetails;
  return details === 'ALL' || details.includes(organizationId);
}

/** A service's position as this viewer may see it: a shelter's is coarsened to 0.1 degree for most. */
export function positionFor(viewer: Viewer | null, service: Service): { latitude: number | null; longitude: number | null } {
  const { latitude, longitude } = service;
  if (service.type !== ServiceType.SHELTER || canSeeShelterDetails(viewer, service.organizationId)) return { latitude, longitude };
  return { latitude: latitude === null ? null : coarsen(latitude), longitude: longitude === null ? null : coarsen(longitude) };
}

/** The shelter with its confidential fields blanked for a viewer who may not read them. */
export function shelterFor(viewer: Viewer | null, organizationId: string, shelter: Shelter): Shelter {
  if (canSeeShelterDetails(viewer, organizationId)) return shelter;
  return Object.assign(new Shelter(), shelter, { address: null, availableBeds: null });
}
