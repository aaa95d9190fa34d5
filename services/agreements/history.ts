import type { EntityManager } from 'typeorm';
import { changedFields as changedOf, recordChange as record, type FieldChange } from '../kit/change-log';
import type { Agreement } from './entities/agreement.entity';
import { AgreementChange, AgreementChangeKind } from './entities/agreement-change.entity';
import type { AgreementParty } from './entities/agreement-party.entity';

/** The fields of an agreement the history follows, as Agreement names them (`parties`: the countries in order). */
export const TRACKED = ['title', 'kind', 'status', 'summary', 'guidelines', 'parties', 'signedOn', 'entryIntoForce'] as const;
export type Tracked = Record<(typeof TRACKED)[number], string | number[] | string[] | Date | null>;

/** An agreement and its parties as the history shows them. */
export function tracked(agreement: Agreement, parties: readonly AgreementParty[]): Tracked {
  const { title, kind, status, summary, guidelineNumbers, signedOn, entryIntoForce } = agreement;
  return {
    title,
    kind,
    status,
    summary,
    guidelines: guidelineNumbers,
    parties: parties.map((p) => p.countryCode),
    signedOn,
    entryIntoForce,
  };
}

/** The tracked fields whose value differs between `before` (null: a new agreement) and `after`. */
export const changedFields = (before: Tracked | null, after: Tracked): FieldChange[] => changedOf<Tracked>(TRACKED, before, after);

/**
 * Appends one entry to the register's history, in the transaction of the change it records (kit/change-log.ts),
 * at the time of recording to the millisecond: the register's own dates are to the second (MySQL DATETIME),
 * too coarse to order two changes made within one.
 */
export async function recordChange(
  manager: EntityManager,
  change: {
    kind: AgreementChangeKind;
    agreementId: string;
    partyCountries: string[];
    country?: string | null;
    userId: string;
    fields: FieldChange[];
  },
): Promise<void> {
  const { kind, agreementId, partyCountries, userId, fields } = change;
  const at = new Date();
  await record(manager, AgreementChange, { kind, agreementId, partyCountries, countryCode: change.country ?? null, userId, at, fields });
}
