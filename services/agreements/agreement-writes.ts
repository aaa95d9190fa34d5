import type { DataSource } from 'typeorm';
import { byId } from '../kit/entity-reference';
import { newId } from '../kit/ids';
import { inTransaction } from '../kit/transaction';
import type { Viewer } from '../platform/auth';
import { badInput, notFound } from '../platform/errors';
import { assertManagerRole, assertMayManage } from './access';
import { Agreement, AgreementKind, AgreementStatus } from './entities/agreement.entity';
import { AgreementEventKind } from './entities/agreement-event.entity';
import { AgreementParty } from './entities/agreement-party.entity';
import { recordEvent } from './events';
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
}

const EARLIEST_SIGNATURE = Date.UTC(1900, 0, 1);

/** To the second: MySQL DATETIME keeps no fraction, so both stores answer the same instant. */
const toTheSecond = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);

/** The party rows of a new agreement: upper-case countries, each once, as many as its kind asks. */
function partyRows(agreementId: string, kind: AgreementKind, parties: AgreementDraft['parties']): AgreementParty[] {
  const rows = parties.map((party, position) =>
    Object.assign(new AgreementParty(), {
      agreementId,
      position,
      countryCode: party.country.trim().toUpperCase(),
      authorityId: party.authorityId ? party.authorityId.toLowerCase() : null,
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

function signatureDate(signedOn: Date | null | undefined, now: Date): Date | null {
  if (!signedOn) return null;
  if (signedOn.getTime() > now.getTime()) throw badInput('signedOn cannot be in the future.', 'signedOn');
  if (signedOn.getTime() < EARLIEST_SIGNATURE) throw badInput('signedOn cannot be before 1900.', 'signedOn');
  return toTheSecond(signedOn);
}

/** Registers a DRAFT and its CREATED event in one transaction, for an AUTHORITY of a party country or the Secretariat. */
export async function createAgreement(db: DataSource, viewer: Viewer, draft: AgreementDraft): Promise<Agreement> {
  assertManagerRole(viewer);
  const now = toTheSecond(new Date());
  const id = newId();
  const parties = partyRows(id, draft.kind, draft.parties);
  const countries = parties.map((party) => party.countryCode);
  assertMayManage(viewer, countries);
  const agreement = Object.assign(new Agreement(), {
    id,
    title: draft.title,
    kind: draft.kind,
    status: AgreementStatus.DRAFT,
    summary: draft.summary ?? null,
    guidelineNumbers: [...new Set(draft.guidelines ?? [])].sort((a, b) => a - b),
    signedOn: signatureDate(draft.signedOn, now),
    entryIntoForce: null,
    createdAt: now,
    isDemo: false,
  });
  await inTransaction(db, async (manager) => {
    await manager.insert(Agreement, agreement);
    await manager.insert(AgreementParty, parties);
    await recordEvent(manager, AgreementEventKind.CREATED, agreement, countries, now);
  });
  return agreement;
}

/** Moves an agreement on in its life (transitions.ts) and records a STATUS_CHANGED event in the same transaction. */
export async function setAgreementStatus(db: DataSource, viewer: Viewer, id: string, status: AgreementStatus): Promise<Agreement> {
  assertManagerRole(viewer);
  const missing = () => notFound('No agreement has this id.');
  const key = byId.parse(id);
  if (key === null) throw missing();
  return inTransaction(db, async (manager) => {
    const agreement = await manager.findOneBy(Agreement, { id: key });
    if (!agreement) throw missing();
    const parties = await manager.find(AgreementParty, { where: { agreementId: agreement.id }, order: { position: 'ASC' } });
    const countries = parties.map((party) => party.countryCode);
    // A draft the viewer may not read does not exist for them, rather than being forbidden.
    if (!canSeeAgreement(viewer, agreement, countries)) throw missing();
    assertMayManage(viewer, countries);
    assertTransition(agreement.status, status);
    const now = toTheSecond(new Date());
    const changes: Partial<Agreement> = { status };
    if (status === AgreementStatus.SIGNED && !agreement.signedOn) changes.signedOn = now;
    if (status === AgreementStatus.IN_FORCE && !agreement.entryIntoForce) changes.entryIntoForce = now;
    // Conditional on the status read, so two changes at once cannot both apply to the same status.
    const { affected } = await manager.update(Agreement, { id: agreement.id, status: agreement.status }, changes);
    if (affected === 0) throw badInput('The status of this agreement changed meanwhile; read it again and retry.', 'status');
    Object.assign(agreement, changes);
    await recordEvent(manager, AgreementEventKind.STATUS_CHANGED, agreement, countries, now);
    return agreement;
  });
}
