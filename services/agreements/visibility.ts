import type { Viewer } from '../platform/auth';
import type { SqlCondition, Visibility } from '../kit/visibility';
import { Agreement, HIDDEN_STATUSES } from './entities/agreement.entity';
import type { AgreementParty } from './entities/agreement-party.entity';

const hidden = (status: string): boolean => (HIDDEN_STATUSES as readonly string[]).includes(status);

/**
 * A DRAFT or WITHDRAWN agreement is seen only by the Secretariat and by authorities of its party countries;
 * every other status is public. The same rule holds for an event on the status it recorded: the events of a
 * draft (its CREATED, the signatures before the last) and the one that withdrew it stay with those viewers,
 * and an agreement's events are public from the first that left DRAFT on (an agreement never returns to DRAFT).
 */
export function canSeeAgreement(viewer: Viewer | null, agreement: Pick<Agreement, 'status'>, partyCountries: readonly string[]): boolean {
  if (!hidden(agreement.status)) return true;
  if (viewer?.role === 'SECRETARIAT') return true;
  return viewer?.role === 'AUTHORITY' && viewer.country !== null && partyCountries.includes(viewer.country);
}

/**
 * The same rule for rows of agreements. `partiesOf` loads the parties of an agreement (a DataLoader); it is
 * asked only for a hidden one, and only for an AUTHORITY, the one viewer who may or may not see it.
 */
export function agreementVisibility(viewer: Viewer | null, partiesOf: (id: string) => Promise<AgreementParty[]>): Visibility<Agreement> {
  return {
    canSee: async (agreement) => {
      const mayNeedParties = viewer?.role === 'AUTHORITY' && hidden(agreement.status);
      const parties = mayNeedParties ? await partiesOf(agreement.id) : [];
      return canSeeAgreement(
        viewer,
        agreement,
        parties.map((party) => party.countryCode),
      );
    },
    sql: (alias) => {
      if (viewer?.role === 'SECRETARIAT') return null;
      const parameters: Record<string, unknown> = { hiddenStatuses: HIDDEN_STATUSES };
      const visible = `${alias}.status NOT IN (:...hiddenStatuses)`;
      if (viewer?.role === 'AUTHORITY' && viewer.country) {
        parameters.viewerCountry = viewer.country;
        return {
          sql:
            `(${visible} OR EXISTS (SELECT 1 FROM agreement_parties vp ` +
            `WHERE vp.agreement_id = ${alias}.id AND vp.country_code = :viewerCountry))`,
          parameters,
        };
      }
      return { sql: visible, parameters };
    },
  };
}

/** An ISO code as party_countries stores it in its JSON text: `["GT","SV"]` holds `"GT"`. */
export const partyCountryPattern = (code: string): string => `%"${code}"%`;

/**
 * canSeeAgreement in SQL, for the events under `alias`, on the status and party countries recorded on each
 * event (`party_countries` is the JSON text of the codes); null when the viewer sees every event. A
 * country that is not two capital letters can be no party's: the LIKE pattern then holds no wildcard.
 */
export function eventsSql(viewer: Viewer | null, alias: string): SqlCondition | null {
  if (viewer?.role === 'SECRETARIAT') return null;
  const parameters: Record<string, unknown> = { hiddenEventStatuses: HIDDEN_STATUSES };
  const visible = `${alias}.status NOT IN (:...hiddenEventStatuses)`;
  if (viewer?.role === 'AUTHORITY' && viewer.country !== null && /^[A-Z]{2}$/.test(viewer.country)) {
    parameters.viewerParty = partyCountryPattern(viewer.country);
    return { sql: `(${visible} OR ${alias}.party_countries LIKE :viewerParty)`, parameters };
  }
  return { sql: visible, parameters };
}
