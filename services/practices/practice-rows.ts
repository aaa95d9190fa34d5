import type { EntityManager } from 'typeorm';
import { byId } from '../kit/entity-reference';
import { engineOf } from '../kit/full-text';
import { notFound } from '../platform/errors';
import { Practice } from './entities/practice.entity';
import {
  PracticeAuthority,
  PracticeCountry,
  PracticeGuideline,
  PracticeOrganization,
  PracticePopulation,
} from './entities/practice-links.entity';
import type { PracticeRecord } from './history';

/*
 * A practice's row and join tables, read and written as one PracticeRecord by the writes of this subgraph
 * (practice-writes.ts, practice-review.ts).
 */

export const practiceNotFound = () => notFound('No practice has this id.');

/** Distinct values, sorted: the one shape of a practice's lists in the history and the join tables. */
export const distinct = <T extends string | number>(values: readonly T[] | null | undefined): T[] =>
  [...new Set(values ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Reads a practice for a change. On MySQL the row is locked until the transaction ends, so two changes of
 * one practice (an update racing a review) take turns; SQLite runs transactions one at a time.
 */
export async function lockedPractice(manager: EntityManager, id: string): Promise<Practice> {
  const key = byId.parse(id);
  if (key === null) throw practiceNotFound();
  const query = manager.getRepository(Practice).createQueryBuilder('p').where('p.id = :key', { key });
  if (engineOf(manager.connection) === 'mysql') query.setLock('pessimistic_write');
  const practice = await query.getOne();
  if (!practice) throw practiceNotFound();
  return practice;
}

/** A practice with the lists of its join tables, as the history compares it. */
export async function recordOf(manager: EntityManager, practice: Practice): Promise<PracticeRecord> {
  const where = { practiceId: practice.id };
  const [countries, guidelines, populations, organizations, authorities] = await Promise.all([
    manager.findBy(PracticeCountry, where),
    manager.findBy(PracticeGuideline, where),
    manager.findBy(PracticePopulation, where),
    manager.findBy(PracticeOrganization, where),
    manager.findBy(PracticeAuthority, where),
  ]);
  const { title, summary, body, pillar, status, year, language, sourceUrl, reviewNote } = practice;
  return {
    ...{ title, summary, body, pillar, status, year, language, sourceUrl, reviewNote },
    countries: distinct(countries.map((link) => link.countryCode)),
    guidelines: distinct(guidelines.map((link) => link.guidelineNumber)),
    populations: distinct(populations.map((link) => link.population)),
    organizations: distinct(organizations.map((link) => link.organizationId)),
    authorities: distinct(authorities.map((link) => link.authorityId)),
  };
}

/** The join tables of a practice and the record's column of each. */
const LISTS = [
  { list: 'countries', entity: PracticeCountry, column: 'countryCode' },
  { list: 'guidelines', entity: PracticeGuideline, column: 'guidelineNumber' },
  { list: 'populations', entity: PracticePopulation, column: 'population' },
  { list: 'organizations', entity: PracticeOrganization, column: 'organizationId' },
  { list: 'authorities', entity: PracticeAuthority, column: 'authorityId' },
] as const;

/** Writes the lists of `after` that differ from `before` (null: a new practice) to their join tables. */
export async function writeLists(manager: EntityManager, practiceId: string, before: PracticeRecord | null, after: PracticeRecord) {
  for (const { list, entity, column } of LISTS) {
    const values = after[list] as (string | number)[];
    if (before && (before[list] as (string | number)[]).join(',') === values.join(',')) continue;
    if (before) await manager.delete(entity, { practiceId });
    if (values.length)
      await manager.insert(
        entity,
        values.map((value) => ({ practiceId, [column]: value })),
      );
  }
}
