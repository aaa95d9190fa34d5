import { IsNull } from 'typeorm';
import type { Context } from '../kit/context';
import { normalizeCountryCode } from '../kit/countries';
import { shown } from '../kit/change-log';
import { inTransaction } from '../kit/transaction';
import { badInput, forbidden } from '../platform/errors';
import { assertManagerRole } from './access';
import { agreementToChange, updateIfStatus } from './agreement-writes';
import { signatureDate, toTheSecond } from './dates';
import { Agreement, AgreementStatus } from './entities/agreement.entity';
import { AgreementChangeKind } from './entities/agreement-change.entity';
import { AgreementEventKind } from './entities/agreement-event.entity';
import { AgreementParty } from './entities/agreement-party.entity';
import { recordEvent } from './events';
import { changedFields, recordChange, tracked } from './history';

/**
 * Records the signature of one party of a DRAFT, for an AUTHORITY of that country or the Secretariat, with
 * its PARTY_SIGNED event and history entry in one transaction. The last signature makes the agreement
 * SIGNED, its signedOn the latest of the parties' dates.
 */
export async function signAgreement(
  ctx: Context,
  id: string,
  countryGiven: string,
  signedOnGiven: Date | null | undefined,
): Promise<Agreement> {
  const viewer = ctx.viewer!;
  assertManagerRole(viewer);
  const country = normalizeCountryCode(countryGiven);
  if (!country) throw badInput('country is not the ISO code of an OAS Member State.', 'country');
  if (viewer.role === 'AUTHORITY' && viewer.country !== country) {
    throw forbidden(`An AUTHORITY signs for its own country only: yours is ${viewer.country ?? 'none'}, not ${country}.`);
  }
  const now = toTheSecond(new Date());
  const signedOn = signatureDate(signedOnGiven ?? now, now);
  return inTransaction(ctx.db, async (manager) => {
    const { agreement, parties, countries } = await agreementToChange(manager, viewer, id);
    if (agreement.status !== AgreementStatus.DRAFT) {
      throw badInput(`Only a DRAFT is signed; this agreement is ${agreement.status}.`, 'id');
    }
    const party = parties.find((p) => p.countryCode === country);
    if (!party) throw badInput(`${country} is not a party to this agreement (${countries.join(', ')}).`, 'country');
    if (party.signedOn)
      throw badInput(`${country} already signed this agreement, on ${party.signedOn.toISOString().slice(0, 10)}.`, 'country');
    const before = tracked(agreement, parties);
    const signed = await manager.update(
      AgreementParty,
      { agreementId: agreement.id, position: party.position, signedOn: IsNull() },
      { signedOn },
    );
    if (signed.affected === 0) throw badInput(`${country} already signed this agreement.`, 'country');
    party.signedOn = signedOn;
    const last = parties.every((p) => p.signedOn !== null);
    const changes: Partial<Agreement> = {};
    if (last) {
      changes.status = AgreementStatus.SIGNED;
      changes.signedOn = new Date(Math.max(...parties.map((p) => p.signedOn!.getTime())));
    }
    await updateIfStatus(manager, agreement, changes, now);
    await recordEvent(manager, {
      kind: AgreementEventKind.PARTY_SIGNED,
      agreementId: agreement.id,
      partyCountries: countries,
      previousStatus: AgreementStatus.DRAFT,
      status: agreement.status,
      partyCountry: country,
      at: now,
    });
    const fields = [
      { field: `parties.${country}.signedOn`, oldValue: null, newValue: shown(signedOn) },
      ...changedFields(before, tracked(agreement, parties)),
    ];
    await recordChange(manager, {
      kind: AgreementChangeKind.PARTY_SIGNED,
      agreementId: agreement.id,
      partyCountries: countries,
      country,
      userId: viewer.id,
      fields,
    });
    return agreement;
  });
}
