import { badInput } from '../platform/errors';
import { AgreementStatus } from './entities/agreement.entity';

const { DRAFT, SIGNED, IN_FORCE, SUSPENDED, TERMINATED } = AgreementStatus;

/** The life of an agreement: signed, in force, suspended and back; terminated from anywhere, and for good. */
export const NEXT_STATUSES: Record<AgreementStatus, AgreementStatus[]> = {
  [DRAFT]: [SIGNED, TERMINATED],
  [SIGNED]: [IN_FORCE, TERMINATED],
  [IN_FORCE]: [SUSPENDED, TERMINATED],
  [SUSPENDED]: [IN_FORCE, TERMINATED],
  [TERMINATED]: [],
};

const orList = (items: string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/** Refuses a change the life of an agreement does not allow, naming the ones it does. */
export function assertTransition(from: AgreementStatus, to: AgreementStatus): void {
  if (NEXT_STATUSES[from].includes(to)) return;
  const allowed = NEXT_STATUSES[from];
  const next = allowed.length ? `From ${from} the status can become ${orList(allowed)}.` : `A ${from} agreement keeps its status for good.`;
  const problem = from === to ? `The agreement is already ${from}.` : `An agreement cannot go from ${from} to ${to}.`;
  throw badInput(`${problem} ${next}`, 'status');
}
