import type { EntityManager } from 'typeorm';
import { Agreement } from './entities/agreement.entity';
import { AgreementEvent, AgreementEventKind } from './entities/agreement-event.entity';

/** Appends one event to the log; call it inside the transaction of the change it records. */
export async function recordEvent(
  manager: EntityManager,
  kind: AgreementEventKind,
  agreement: Pick<Agreement, 'id' | 'status'>,
  partyCountries: string[],
  at: Date,
): Promise<void> {
  await manager.insert(AgreementEvent, { kind, at, agreementId: agreement.id, partyCountries, status: agreement.status });
}
