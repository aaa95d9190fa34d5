import type { Context } from '../kit/context';
import type { Viewer } from '../platform/auth';
import { Agreement, AgreementStatus } from './entities/agreement.entity';
import type { AgreementParty } from './entities/agreement-party.entity';
import type { Loaders } from './loaders';

/**
 * A DRAFT agreement is seen only by the Secretariat and by authorities of its party countries;
 * every other status is public. Anonymous viewers (everyone, until sign-in exists) see no draft.
 */
export function canSeeAgreement(viewer: Viewer | null, agreement: Pick<Agreement, 'status'>, partyCountries: readonly string[]): boolean {
  if (agreement.status !== AgreementStatus.DRAFT) return true;
  if (viewer?.role === 'SECRETARIAT') return true;
  return viewer?.role === 'AUTHORITY' && viewer.country !== null && partyCountries.includes(viewer.country);
}

/** The same rule as a condition on `alias` (an agreements row) for list queries; null when the viewer sees all. */
export function agreementVisibilityCondition(
  viewer: Viewer | null,
  alias: string,
): { condition: string; parameters: Record<string, string> } | null {
  if (viewer?.role === 'SECRETARIAT') return null;
  const parameters: Record<string, string> = { hiddenStatus: AgreementStatus.DRAFT };
  if (viewer?.role === 'AUTHORITY' && viewer.country) {
    parameters.viewerCountry = viewer.country;
    return {
      condition:
        `(${alias}.status <> :hiddenStatus OR EXISTS (SELECT 1 FROM agreement_parties vp ` +
        `WHERE vp.agreement_id = ${alias}.id AND vp.country_code = :viewerCountry))`,
      parameters,
    };
  }
  return { condition: `${alias}.status <> :hiddenStatus`, parameters };
}

/**
 * The agreements of a list the viewer may see, in order and without repeats. Parties are loaded
 * (batched) only for drafts, and only for a viewer who could see one.
 */
export async function visibleAgreements(
  { viewer, loaders }: Pick<Context<Loaders>, 'viewer' | 'loaders'>,
  agreements: Agreement[],
): Promise<Agreement[]> {
  const unique = [...new Map(agreements.map((agreement) => [agreement.id, agreement])).values()];
  const mayNeedParties = viewer?.role === 'AUTHORITY';
  const parties = await Promise.all(
    unique.map((agreement): AgreementParty[] | Promise<AgreementParty[]> =>
      mayNeedParties && agreement.status === AgreementStatus.DRAFT ? loaders.partiesOfAgreement.load(agreement.id) : [],
    ),
  );
  return unique.filter((agreement, i) => canSeeAgreement(viewer, agreement, parties[i].map((party) => party.countryCode)));
}
