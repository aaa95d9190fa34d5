import type { DataSource } from 'typeorm';
import { byId } from '../kit/entity-reference';
import type { Population } from '../kit/enums';
import { newId } from '../kit/ids';
import { inTransaction } from '../kit/transaction';
import { badInput, notFound } from '../platform/errors';
import { Pillar, Practice, PracticeStatus } from './entities/practice.entity';
import {
  PracticeAuthority,
  PracticeCountry,
  PracticeGuideline,
  PracticeOrganization,
  PracticePopulation,
} from './entities/practice-links.entity';

/** A practice as submitted, checked field by field (PracticeInput). */
export interface PracticeSubmission {
  title: string;
  summary: string;
  pillar: Pillar;
  countries: string[];
  body?: string | null;
  guidelines?: number[] | null;
  populations?: Population[] | null;
  organizationIds?: string[] | null;
  authorityIds?: string[] | null;
  year?: number | null;
  language?: string | null;
  sourceUrl?: string | null;
}

const DEFAULT_LANGUAGE = 'spa';

/** Distinct values, in first-seen order. */
const distinct = <T>(values: readonly T[] | null | undefined): T[] => [...new Set(values ?? [])];

/** The distinct ids of a list of links, in lower case as they are stored. */
export const linkedIds = (ids: readonly string[] | null | undefined): string[] => distinct(ids?.map((id) => id.toLowerCase()));

/** Now, to the second: MySQL DATETIME keeps no fraction, so both stores answer the same instant. */
const nowToTheSecond = (): Date => new Date(Math.floor(Date.now() / 1000) * 1000);

/** Stores a practice SUBMITTED by `submitterId`, with its links, in one transaction. */
export async function submitPractice(db: DataSource, submitterId: string, submission: PracticeSubmission): Promise<Practice> {
  const practice = Object.assign(new Practice(), {
    id: newId(),
    title: submission.title,
    summary: submission.summary,
    body: submission.body ?? null,
    pillar: submission.pillar,
    status: PracticeStatus.SUBMITTED,
    year: submission.year ?? null,
    language: submission.language ?? DEFAULT_LANGUAGE,
    sourceUrl: submission.sourceUrl ?? null,
    createdAt: nowToTheSecond(),
    submittedBy: submitterId,
    isDemo: false,
  });
  const practiceId = practice.id;
  const countries = distinct(submission.countries.map((code) => code.trim().toUpperCase()));
  const organizations = linkedIds(submission.organizationIds);
  const authorities = linkedIds(submission.authorityIds);
  await inTransaction(db, async (manager) => {
    await manager.insert(Practice, practice);
    await manager.insert(
      PracticeCountry,
      countries.map((countryCode) => ({ practiceId, countryCode })),
    );
    const guidelines = distinct(submission.guidelines).map((guidelineNumber) => ({ practiceId, guidelineNumber }));
    if (guidelines.length) await manager.insert(PracticeGuideline, guidelines);
    const populations = distinct(submission.populations).map((population) => ({ practiceId, population }));
    if (populations.length) await manager.insert(PracticePopulation, populations);
    if (organizations.length) {
      await manager.insert(
        PracticeOrganization,
        organizations.map((organizationId) => ({ practiceId, organizationId })),
      );
    }
    if (authorities.length)
      await manager.insert(
        PracticeAuthority,
        authorities.map((authorityId) => ({ practiceId, authorityId })),
      );
  });
  return practice;
}

/** Publishes a SUBMITTED or REJECTED practice; one already PUBLISHED is refused. */
export async function publishPractice(db: DataSource, id: string): Promise<Practice> {
  const missing = () => notFound('No practice has this id.');
  const key = byId.parse(id);
  if (key === null) throw missing();
  return inTransaction(db, async (manager) => {
    const practice = await manager.findOneBy(Practice, { id: key });
    if (!practice) throw missing();
    if (practice.status === PracticeStatus.PUBLISHED) throw badInput('This practice is already PUBLISHED.', 'id');
    // Conditional on the status read: of two Secretariat officers publishing at once, one is told it is done.
    const { affected } = await manager.update(Practice, { id: practice.id, status: practice.status }, { status: PracticeStatus.PUBLISHED });
    if (affected === 0) throw badInput('This practice is already PUBLISHED.', 'id');
    practice.status = PracticeStatus.PUBLISHED;
    return practice;
  });
}
