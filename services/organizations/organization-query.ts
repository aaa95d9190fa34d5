import type { DataSource } from 'typeorm';
import { columnKey, type ListQuery } from '../kit/keyset';
import { applySearch } from '../kit/search';
import { countryFilter, searchTerm } from '../kit/validation';
import { whereVisible, type Visibility } from '../kit/visibility';
import { Organization, OrganizationKind, VerificationStatus } from './entities/organization.entity';
import type { OrganizationFilter } from './resolvers/organization.args';
import { ORGANIZATIONS_INDEX } from './search-indexes';

/** A validated OrganizationFilter. */
export interface OrganizationCriteria {
  country: string | null;
  kind: OrganizationKind | null;
  search: string | null;
  status: VerificationStatus | null;
}

/** Validates a filter; throws BAD_USER_INPUT naming the field at fault. */
export function organizationCriteria(filter: OrganizationFilter | null | undefined): OrganizationCriteria {
  return {
    country: countryFilter(filter?.country),
    kind: filter?.kind ?? null,
    search: searchTerm(filter?.search),
    status: filter?.status ?? null,
  };
}

/** The organizations the viewer may see that meet the criteria: by relevance then name with a search, by name otherwise. */
export function organizationsQuery(
  db: DataSource,
  criteria: OrganizationCriteria,
  visibility: Visibility<Organization>,
): ListQuery<Organization> {
  const query = whereVisible(db.getRepository(Organization).createQueryBuilder('o'), visibility);
  // A status the viewer may not see leaves nothing, rather than an error that would reveal it exists.
  if (criteria.status) query.andWhere('o.status = :status', { status: criteria.status });
  if (criteria.country) {
    const serves = 'SELECT 1 FROM organization_countries oc WHERE oc.organization_id = o.id AND oc.country_code = :country';
    query.andWhere(`(o.country_code = :country OR EXISTS (${serves}))`, { country: criteria.country });
  }
  if (criteria.kind) query.andWhere('o.kind = :kind', { kind: criteria.kind });
  if (criteria.search) return { query, keys: applySearch(query, ORGANIZATIONS_INDEX, criteria.search, 'name') };
  return { query, keys: [columnKey(query.alias, 'name')] };
}
