import DataLoader from 'dataloader';
import type { DataSource, ObjectLiteral, Repository } from 'typeorm';
import { In } from 'typeorm';
import type { Viewer } from '../../platform/auth';
import { groupLoader, lazy, rowLoader } from '../../kit/loaders';
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
 * The practices linked to each value (a country, a guideline, ...), read with the links in one
 * statement, by title. Every status comes back: the resolver applies the viewer's visibility.
 */
function practicesOf<L extends Link & { practice?: Practice }, K extends keyof L & string>(repository: Repository<L>, value: K) {
  return groupLoader(
    (keys: L[K][]) =>
      repository.find({
        where: { [value]: In(keys) } as never,
        relations: { practice: true } as never,
        order: { practice: { title: 'ASC', id: 'ASC' } } as never,
      }),
    (link: L) => link[value],
  );
}

/** Links of other subgraphs asked at once: a page of 100 practices holds at most 2,000 of them (20 each). */
const MAX_LINKS_ASKED = 100;

/**
 * A per-request loader whose batch function needs the request itself (the caller's token, to ask another
 * subgraph as the caller), which createLoaders is not given: made on first use from the batch function
 * then passed, and kept for the request.
 */
function madeOnFirstUse<K, V>(): (batch: DataLoader.BatchLoadFn<K, V>) => DataLoader<K, V> {
  let loader: DataLoader<K, V> | null = null;
  return (batch) => (loader ??= new DataLoader(batch, { maxBatchSize: MAX_LINKS_ASKED }));
}

export function createLoaders(db: DataSource, viewer: Viewer | null = null) {
  const countries = db.getRepository(PracticeCountry);
  const guidelines = db.getRepository(PracticeGuideline);
  const organizations = db.getRepository(PracticeOrganization);
  const authorities = db.getRepository(PracticeAuthority);
  return {
    /** What the viewer may see (visibility.ts). */
    visibility: lazy(async () => practiceVisibility(viewer)),
    practice: rowLoader(
      (ids: string[]) => db.getRepository(Practice).findBy({ id: In(ids) }),
      (p) => p.id,
    ),
    countriesOfPractice: listOf(countries, 'countryCode'),
    guidelinesOfPractice: listOf(guidelines, 'guidelineNumber'),
    populationsOfPractice: listOf(db.getRepository(PracticePopulation), 'population'),
    organizationsOfPractice: listOf(organizations, 'organizationId'),
    authoritiesOfPractice: listOf(authorities, 'authorityId'),
    practicesOfCountry: practicesOf(countries, 'countryCode'),
    practicesOfGuideline: practicesOf(guidelines, 'guidelineNumber'),
    practicesOfOrganization: practicesOf(organizations, 'organizationId'),
    practicesOfAuthority: practicesOf(authorities, 'authorityId'),
    /** Whether the caller sees each linked organization and authority, as their subgraphs answer (linked.ts). */
    seen: { organizations: madeOnFirstUse<string, boolean>(), authorities: madeOnFirstUse<string, boolean>() },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
