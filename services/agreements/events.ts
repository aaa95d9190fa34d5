import type { EntityManager } from 'typeorm';
import { Agreement } from './entities/agreement.entity';
import { AgreementEvent, AgreementEventKind } from './entities/agreement-event.entity';

/**
 * Appends one event to the log; call it inside the transaction of the change it records. The id comes
 * from the sequence row, whose lock (held until commit) orders every event-writing transaction.
 */
export async function recordEvent(
  manager: EntityManager,
  kind: AgreementEventKind,
  agreement: Pick<Agreement, 'id' | 'status'>,
  partyCountries: string[],
  at: Date,
): Promise<void> {
  await manager.query("UPDATE agreement_event_sequence SET value = value + 1 WHERE name = 'events'");
  const [{ value }] = await manager.query<{ value: number | string }[]>("SELECT value FROM agreement_event_sequence WHERE name = 'events'");
  await manager.insert(AgreementEvent, {
    id: Number(value),
    kind,
    at,
    agreementId: agreement.id,
    partyCountries,
    status: agreement.status,
  });
}
