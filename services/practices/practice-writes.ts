import type { DataSource } from 'typeorm';
import type { Population } from '../kit/enums';
import { newId } from '../kit/ids';
import { inTransaction } from '../kit/transaction';
import type { Viewer } from '../platform/auth';
import { badInput } from '../platform/errors';
import { assertMayUpdate } from './access';
import { PracticeChangeKind } from './entities/practice-change.entity';
import { Pillar, Practice, PracticeStatus } from './entities/practice.entity';
import { changedFields, recordChange, type PracticeRecord } from './history';
import { distinct, lockedPractice, recordOf, writeLists } from './practice-rows';
import type { PracticeUpdateInput } from './resolvers/practice.input';
import { refreshSearchStems } from '../kit/full-text';
import { PRACTICES_INDEX } from './search-indexes';

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

/** The distinct ids of a list of links, in lower case as they are stored, in first-seen order. */
export const linkedIds = (ids: readonly string[] | null | undefined): string[] => [...new Set(ids?.map((id) => id.toLowerCase()))];

const countryCodes = (codes: readonly string[]): string[] => distinct(codes.map((code) => code.trim().toUpperCase()));

/** Now, to the second: MySQL DATETIME keeps no fraction, so both stores answer the same instant. */
const nowToTheSecond = (): Date => new Date(Math.floor(Date.now() / 1000) * 1000);

/**
 * Stores a practice SUBMITTED by `submitterId`, with its links, and records it, in one transaction.
 * `memberOf`: the VERIFIED organizations of a submitter who submits as their member, linked when the
 * submission names no organization.
 */
export async function submitPractice(
  db: DataSource,
  submitterId: string,
  submission: PracticeSubmission,
  memberOf: readonly string[] = [],
): Promise<Practice> {
  const now = nowToTheSecond();
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
    reviewNote: null,
    createdAt: now,
    updatedAt: now,
    submittedBy: submitterId,
    isDemo: false,
  });
  const named = linkedIds(submission.organizationIds);
  const { id, title, summary, body, pillar, status, year, language, sourceUrl, reviewNote } = practice;
  const record: PracticeRecord = {
    ...{ title, summary, body, pillar, status, year, language, sourceUrl, reviewNote },
    countries: countryCodes(submission.countries),
    guidelines: distinct(submission.guidelines),
    populations: distinct(submission.populations),
    organizations: distinct(named.length ? named : linkedIds(memberOf)),
    authorities: distinct(linkedIds(submission.authorityIds)),
  };
  await inTransaction(db, async (manager) => {
    await manager.insert(Practice, practice);
    await refreshSearchStems(manager, PRACTICES_INDEX, [practice.id]);
    await writeLists(manager, id, null, record);
    const fields = changedFields(null, record);
    await recordChange(manager, { kind: PracticeChangeKind.SUBMITTED, practiceId: id, userId: submitterId, at: now, fields });
  });
  return practice;
}

/** The fields an update may not clear, as PracticeUpdateInput names them. */
const REQUIRED = ['title', 'summary', 'pillar', 'countries', 'language'] as const;

/** The practice once `input` applies: a field left out stays, null clears a nullable one (and empties a list). */
function updated(record: PracticeRecord, input: PracticeUpdateInput): PracticeRecord {
  const cleared = REQUIRED.find((field) => input[field] === null);
  if (cleared) throw badInput(`${cleared} cannot be cleared: give a new value or leave the field out.`, cleared);
  const next = { ...record };
  if (input.title != null) next.title = input.title;
  if (input.summary != null) next.summary = input.summary;
  if (input.pillar != null) next.pillar = input.pillar;
  if (input.countries != null) next.countries = countryCodes(input.countries);
  if (input.language != null) next.language = input.language;
  if (input.body !== undefined) next.body = input.body;
  if (input.year !== undefined) next.year = input.year;
  if (input.sourceUrl !== undefined) next.sourceUrl = input.sourceUrl;
  if (input.guidelines !== undefined) next.guidelines = distinct(input.guidelines);
  if (input.populations !== undefined) next.populations = distinct(input.populations);
  if (input.organizationIds !== undefined) next.organizations = distinct(linkedIds(input.organizationIds));
  if (input.authorityIds !== undefined) next.authorities = distinct(linkedIds(input.authorityIds));
  return next;
}

/**
 * Changes a practice (access.ts says who, and when): a REJECTED one changed by its submitter is SUBMITTED
 * again, its reviewNote kept until the next review. A change that changes nothing writes and records nothing.
 */
export async function updatePractice(db: DataSource, viewer: Viewer, id: string, input: PracticeUpdateInput): Promise<Practice> {
  return inTransaction(db, async (manager) => {
    const practice = await lockedPractice(manager, id);
    const { resubmits } = assertMayUpdate(viewer, practice);
    const before = await recordOf(manager, practice);
    const after = updated(before, input);
    if (resubmits) after.status = PracticeStatus.SUBMITTED;
    const fields = changedFields(before, after);
    if (fields.length === 0) return practice;
    const { title, summary, body, pillar, status, year, language, sourceUrl } = after;
    const changes = { title, summary, body, pillar, status, year, language, sourceUrl, updatedAt: new Date() };
    await manager.update(Practice, { id: practice.id }, changes);
    await refreshSearchStems(manager, PRACTICES_INDEX, [practice.id]);
    await writeLists(manager, practice.id, before, after);
    await recordChange(manager, {
      kind: PracticeChangeKind.UPDATED,
      practiceId: practice.id,
      userId: viewer.id,
      at: changes.updatedAt,
      fields,
    });
    return Object.assign(practice, changes);
  });
}
