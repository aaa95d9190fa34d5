import type { EntityManager } from 'typeorm';
import { assertActiveAuthorityOf } from '../kit/authority-check';
import { recencyKey } from '../kit/change-log';
import type { Context } from '../kit/context';
import { byId } from '../kit/entity-reference';
import { newId } from '../kit/ids';
import { inTransaction } from '../kit/transaction';
import type { Viewer } from '../platform/auth';
import { badInput, notFound, userError } from '../platform/errors';
import { assertManagerRole, assertMayManage } from './access';
import { entryIntoForceDate, signatureDate, toTheSecond } from './dates';
import { Agreement, AgreementKind, AgreementStatus } from './entities/agreement.entity';
import { AgreementChangeKind } from './entities/agreement-change.entity';
import { AgreementEventKind } from './entities/agreement-event.entity';
import { AgreementGuideline } from './entities/agreement-guideline.entity';
import { AgreementParty } from './entities/agreement-party.entity';
import { recordEvent } from './events';
import { changedFields, recordChange, tracked } from './history';
import { assertTransition } from './transitions';
import { canSeeAgreement } from './visibility';

/** A new agreement as given, checked field by field (AgreementInput): its Member States by IsMemberState. */
export interface AgreementDraft {
  title: string;
  kind: AgreementKind;
  parties: { country: string; authorityId?: string | null }[];
  summary?: string | null;
  guidelines?: number[] | null;
  signedOn?: Date | null;
  entryIntoForce?: Date | null;
}

/** The columns every write sets: the time of the change, and its sort key for `orderBy: NEWEST`. */
export const touched = (at: Date): Pick<Agreement, 'updatedAt' | 'recency'> => ({ updatedAt: at, recency: recencyKey(at) });

/** The party rows of a new agreement: upper-case countries, each once, as many as its kind asks. */
function partyRows(agreementId: string, kind: AgreementKind, parties: AgreementDraft['parties']): AgreementParty[] {
  const rows = parties.map((party, position) =>
    Object.assign(new AgreementParty(), {
      agreementId,
      position,
      countryCode: party.country.trim().toUpperCase(),
      authorityId: party.authorityId ? party.authorityId.toLowerCase() : null,
      signedOn: null,
    }),
  );
  const seen = new Set<string>();
  for (const { countryCode } of rows) {
    if (seen.has(countryCode)) throw badInput(`${countryCode} is named twice in parties; name each party country once.`, 'parties');
    seen.add(countryCode);
  }
  if (kind === AgreementKind.BILATERAL && rows.length !== 2) {
    throw badInput(`A BILATERAL agreement has exactly two distinct party countries; parties names ${rows.length}.`, 'parties');
  }
  if (rows.length < 2) {
    throw badInput(`A ${kind} agreement needs at least two distinct party countries; parties names ${rows.length}.`, 'parties');
  }
  return rows;
}

/** Only the Secretariat records an agreement the parties already signed, and its entry into force. */
function assertMayGiveDates(viewer: Viewer, draft: AgreementDraft): void {
  if (viewer.role === 'SECRETARIAT') return;
  for (const field of ['signedOn', 'entryIntoForce'] as const) {
    if (draft[field]) {
      throw userError('FORBIDDEN', `Only the SECRETARIAT gives ${field}: each party signs a DRAFT with signAgreement.`, { field });
    }
  }
}

/**
 * Registers an agreement, its parties and its CREATED event in one transaction, for an AUTHORITY of a party
 * country or the Secretariat: a DRAFT, or, when the Secretariat records one every party already signed,
 * SIGNED (IN_FORCE when its entryIntoForce is past; a future one does not switch it by itself later).
 */
export async function createAgreement(ctx: Context, draft: AgreementDraft): Promise<Agreement> {
  const viewer = ctx.viewer!;
  assertManagerRole(viewer);
  const now = toTheSecond(new Date());
  const id = newId();
  const parties = partyRows(id, draft.kind, draft.parties);
  const countries = parties.map((party) => party.countryCode);
  assertMayManage(viewer, countries);
  assertMayGiveDates(viewer, draft);
  const signedOn = draft.signedOn ? signatureDate(draft.signedOn, now) : null;
  const entryIntoForce = draft.entryIntoForce ? entryIntoForceDate(draft.entryIntoForce, signedOn) : null;
  await Promise.all(
    parties.flatMap(({ authorityId, countryCode, position }) =>
      authorityId ? [assertActiveAuthorityOf(ctx, authorityId, countryCode, `parties.${position}.authorityId`)] : [],
    ),
  );
  for (const party of parties) party.signedOn = signedOn;
  const status = !signedOn
    ? AgreementStatus.DRAFT
    : entryIntoForce && entryIntoForce.getTime() <= now.getTime()
      ? AgreementStatus.IN_FORCE
      : AgreementStatus.SIGNED;
  const guidelineNumbers = [...new Set(draft.guidelines ?? [])].sort((a, b) => a - b);
  const agreement = Object.assign(new Agreement(), {
    id,
    title: draft.title,
    kind: draft.kind,
    status,
    summary: draft.summary ?? null,
    guidelineNumbers,
    signedOn,
    entryIntoForce,
    createdAt: now,
    ...touched(now),
    isDemo: false,
  });
  await inTransaction(ctx.db, async (manager) => {
    await manager.insert(Agreement, agreement);
    await manager.insert(AgreementParty, parties);
    if (guidelineNumbers.length) {
      await manager.insert(
        AgreementGuideline,
        guidelineNumbers.map((guidelineNumber) => ({ agreementId: id, guidelineNumber })),
      );
    }
    await recordEvent(manager, {
      kind: AgreementEventKind.CREATED,
      agreementId: id,
      partyCountries: countries,
      previousStatus: null,
      status,
      at: now,
    });
    const fields = changedFields(null, tracked(agreement, parties));
    await recordChange(manager, {
      kind: AgreementChangeKind.CREATED,
      agreementId: id,
      partyCountries: countries,
      userId: viewer.id,
      fields,
    });
  });
  return agreement;
}

/** The agreement `id` and its parties, read in the transaction; NOT_FOUND when none, or hidden from the viewer. */
export async function agreementToChange(
  manager: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<{ agreement: Agreement; parties: AgreementParty[]; countries: string[] }> {
  const missing = () => notFound('No agreement has this id.');
  const key = byId.parse(id);
  if (key === null) throw missing();
  const agreement = await manager.findOneBy(Agreement, { id: key });
  if (!agreement) throw missing();
  const parties = await manager.find(AgreementParty, { where: { agreementId: agreement.id }, order: { position: 'ASC' } });
  const countries = parties.map((party) => party.countryCode);
  // A draft the viewer may not read does not exist for them, rather than being forbidden.
  if (!canSeeAgreement(viewer, agreement, countries)) throw missing();
  return { agreement, parties, countries };
}

/**
 * Writes `changes` to the agreement if its status is still the one read (two changes at once cannot both
 * apply to the same status), and marks it changed.
 */
export async function updateIfStatus(manager: EntityManager, agreement: Agreement, changes: Partial<Agreement>, at: Date): Promise<void> {
  const all = { ...changes, ...touched(at) };
  const { affected } = await manager.update(Agreement, { id: agreement.id, status: agreement.status }, all);
  if (affected === 0) throw badInput('This agreement changed meanwhile; read it again and retry.', 'id');
  Object.assign(agreement, all);
}

/** Moves an agreement on in its life (transitions.ts), with its STATUS_CHANGED event and history entry in the same transaction. */
export async function setAgreementStatus(ctx: Context, id: string, status: AgreementStatus): Promise<Agreement> {
  const viewer = ctx.viewer!;
  assertManagerRole(viewer);
  return inTransaction(ctx.db, async (manager) => {
    const { agreement, parties, countries } = await agreementToChange(manager, viewer, id);
    assertMayManage(viewer, countries);
    const previousStatus = agreement.status;
    assertTransition(previousStatus, status);
    const now = toTheSecond(new Date());
    const before = tracked(agreement, parties);
    const changes: Partial<Agreement> = { status };
    if (status === AgreementStatus.IN_FORCE && !agreement.entryIntoForce) changes.entryIntoForce = now;
    await updateIfStatus(manager, agreement, changes, now);
    await recordEvent(manager, {
      kind: AgreementEventKind.STATUS_CHANGED,
      agreementId: agreement.id,
      partyCountries: countries,
      previousStatus,
      status,
      at: now,
    });
    const fields = changedFields(before, tracked(agreement, parties));
    await recordChange(manager, {
      kind: AgreementChangeKind.STATUS_CHANGED,
      agreementId: agreement.id,
      partyCountries: countries,
      userId: viewer.id,
      fields,
    });
    return agreement;
  });
}
