import type { DataSource } from 'typeorm';
import { columnKey, type ListQuery } from '../kit/keyset';
import { applySearch } from '../kit/search';
import { countryFilter, searchTerm } from '../kit/validation';
import { Competence, NationalAuthority } from './entities/national-authority.entity';
import type { AuthorityFilter } from './resolvers/authority.args';
import { AUTHORITIES_INDEX } from './search-indexes';

/** A validated AuthorityFilter. */
export interface AuthorityCriteria {
  country: string | null;
  competence: Competence | null;
  search: string | null;
}

/** Validates a filter; throws BAD_USER_INPUT naming the field at fault. */
export function authorityCriteria(filter: AuthorityFilter | null | undefined): AuthorityCriteria {
  return { country: countryFilter(filter?.country), competence: filter?.competence ?? null, search: searchTerm(filter?.search) };
}

/** The national authorities that meet the criteria, archived ones left out: by relevance then name with a search, by name otherwise. */
export function authoritiesQuery(db: DataSource, criteria: AuthorityCriteria): ListQuery<NationalAuthority> {
  // Archived authorities stay for the history of agreements and practices, resolvable by id only.
  const query = db.getRepository(NationalAuthority).createQueryBuilder('a').where('a.archived = :archived', { archived: false });
  if (criteria.country) query.andWhere('a.country_code = :country', { country: criteria.country });
  if (criteria.competence) query.andWhere('a.competences LIKE :competence', { competence: `%"${criteria.competence}"%` });
  if (criteria.search) return { query, keys: applySearch(query, AUTHORITIES_INDEX, criteria.search, 'name') };
  return { query, keys: [columnKey(query.alias, 'name')] };
}
