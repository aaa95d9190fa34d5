import { badInput } from '../platform/errors';
import { AgreementStatus } from './entities/agreement.entity';

const { DRAFT, SIGNED, IN_FORCE, SUSPENDED, TERMINATED, WITHDRAWN } = AgreementStatus;

/**
 * The moves setAgreementStatus makes. A DRAFT becomes SIGNED only by the signature of its last party
 * (signAgreement), or is WITHDRAWN; a signed agreement comes into force, is suspended and back, or ends.
 * WITHDRAWN and TERMINATED are final.
 */
export const NEXT_STATUSES: Record<AgreementStatus, AgreementStatus[]> = {
  [DRAFT]: [WITHDRAWN],
  [SIGNED]: [IN_FORCE, TERMINATED],
  [IN_FORCE]: [SUSPENDED, TERMINATED],
  [SUSPENDED]: [IN_FORCE, TERMINATED],
  [TERMINATED]: [],
  [WITHDRAWN]: [],
};

const orList = (items: string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/** Refuses a change the life of an agreement does not allow, naming the ones it does. */
export function assertTransition(from: AgreementStatus, to: AgreementStatus): void {
  if (NEXT_STATUSES[from].includes(to)) return;
  const allowed = NEXT_STATUSES[from];
  const next = allowed.length ? `From ${from} the status can become ${orList(allowed)}.` : `A ${from} agreement keeps its status for good.`;
  const problem = from === to ? `The agreement is already ${from}.` : `An agreement cannot go from ${from} to ${to}.`;
  const signing = from === DRAFT && to === SIGNED ? ' It becomes SIGNED when its last party signs (signAgreement).' : '';
  throw badInput(`${problem} ${next}${signing}`, 'status');
}
