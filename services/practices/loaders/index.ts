import { seenLoaders } from '../../kit/linked';
import type { DataSource, ObjectLiteral, Repository } from 'typeorm';
import { In } from 'typeorm';
import type { Viewer } from '../../platform/auth';
import { firstOfEachLoader, groupLoader, lazy, rowLoader } from '../../kit/loaders';
import { firstOfEach } from '../../kit/pagination';
import type { Visibility } from '../../kit/visibility';
import { Practice } from '../entities/practice.entity';
import {
  PracticeAuthority,
  PracticeCountry,
  PracticeGuideline,
  PracticeOrganization,
  PracticePopulation,
} from '../entities/practice-links.entity';
import { practiceVisibility } from '../visibility';

type Link = ObjectLiteral & { practiceId: string };

/** The values of one list of each practice (its countries, its guidelines, ...), in value order. */
function listOf<L extends Link, K extends keyof L & string>(repository: Repository<L>, value: K) {
  return groupLoader(
    (ids: string[]) => repository.find({ where: { practiceId: In(ids) } as never, order: { [value]: 'ASC' } as never }),
    (link: L) => link.practiceId,
  );
}

/**
 * The first practices the viewer may read linked to each value (a country, a guideline, ...), read with
 * the links in one statement, by title: the visibility and the page size apply in SQL, per value.
 */
function practicesOf<L extends Link & { practice?: Practice }, K extends keyof L & string>(
  repository: Repository<L>,
  value: K,
  visibility: Visibility<Practice>,
) {
  const column = `l.${repository.metadata.findColumnWithPropertyName(value)!.databaseName}`;
  return firstOfEachLoader(
    (keys: L[K][], first) => {
      const query = repository.createQueryBuilder('l').innerJoinAndSelect('l.practice', 'p').where(`${column} IN (:...keys)`, { keys });
      const visible = visibility.sql('p');
      if (visible) query.andWhere(visible.sql, visible.parameters);
      return firstOfEach(query, { parent: column, id: 'l.practice_id', order: ['p.title', 'p.id'] }, first).getMany();
    },
    (link: L) => link[value],
  );
}

export function createLoaders(db: DataSource, viewer: Viewer | null = null) {
  const countries = db.getRepository(PracticeCountry);
  const guidelines = db.getRepository(PracticeGuideline);
  const organizations = db.getRepository(PracticeOrganization);
  const authorities = db.getRepository(PracticeAuthority);
  const visibility = practiceVisibility(viewer);
  return {
    /** What the viewer may see (visibility.ts). */
    visibility: lazy(async () => visibility),
    practice: rowLoader(
      (ids: string[]) => db.getRepository(Practice).findBy({ id: In(ids) }),
      (p) => p.id,
    ),
    countriesOfPractice: listOf(countries, 'countryCode'),
    guidelinesOfPractice: listOf(guidelines, 'guidelineNumber'),
    populationsOfPractice: listOf(db.getRepository(PracticePopulation), 'population'),
    organizationsOfPractice: listOf(organizations, 'organizationId'),
    authoritiesOfPractice: listOf(authorities, 'authorityId'),
    practicesOfCountry: practicesOf(countries, 'countryCode', visibility),
    practicesOfGuideline: practicesOf(guidelines, 'guidelineNumber', visibility),
    practicesOfOrganization: practicesOf(organizations, 'organizationId', visibility),
    practicesOfAuthority: practicesOf(authorities, 'authorityId', visibility),
    /** Whether the caller sees each linked organization and authority, as their subgraphs answer (linked.ts). */
    seen: seenLoaders(['organizations', 'authorities'] as const),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
