import type { DataSource } from 'typeorm';
import type { Population } from '../kit/enums';
import { guidelineFilter } from '../kit/guidelines';
import { columnKey, type ListQuery } from '../kit/keyset';
import { applySearch } from '../kit/search';
import { countryFilter, searchTerm } from '../kit/validation';
import { whereVisible, type Visibility } from '../kit/visibility';
import { Pillar, Practice, PracticeStatus } from './entities/practice.entity';
import type { PracticeFilter } from './resolvers/practice.args';
import { PRACTICES_INDEX } from './search-indexes';

/** A validated PracticeFilter. */
export interface PracticeCriteria {
  search: string | null;
  pillar: Pillar | null;
  country: string | null;
  guideline: number | null;
  population: Population | null;
  status: PracticeStatus | null;
}

/** Validates a filter; throws BAD_USER_INPUT naming the field at fault. */
export function practiceCriteria(filter: PracticeFilter | null | undefined): PracticeCriteria {
  return {
    country: countryFilter(filter?.country),
    guideline: guidelineFilter(filter?.guideline),
    search: searchTerm(filter?.search),
    pillar: filter?.pillar ?? null,
    population: filter?.population ?? null,
    status: filter?.status ?? null,
  };
}

const linked = (table: string, column: string, parameter: string) =>
  `EXISTS (SELECT 1 FROM ${table} l_${parameter} WHERE l_${parameter}.practice_id = p.id AND l_${parameter}.${column} = :${parameter})`;

/** The practices the viewer may read that meet the criteria: by relevance then title with a search, by title otherwise. */
export function practicesQuery(db: DataSource, criteria: PracticeCriteria, visibility: Visibility<Practice>): ListQuery<Practice> {
  const query = whereVisible(db.getRepository(Practice).createQueryBuilder('p'), visibility);
  const { status, pillar, country, guideline, population, search } = criteria;
  if (status) query.andWhere('p.status = :status', { status });
  if (pillar) query.andWhere('p.pillar = :pillar', { pillar });
  if (country) query.andWhere(linked('practice_countries', 'country_code', 'country'), { country });
  if (guideline) query.andWhere(linked('practice_guidelines', 'guideline_number', 'guideline'), { guideline });
  if (population) query.andWhere(linked('practice_populations', 'population', 'population'), { population });
  if (search) return { query, keys: applySearch(query, PRACTICES_INDEX, search, 'title') };
  return { query, keys: [columnKey(query.alias, 'title')] };
}
