import type { EntityManager } from 'typeorm';
import type { AgreementStatus } from './entities/agreement.entity';
import { AgreementEvent, AgreementEventKind } from './entities/agreement-event.entity';

/** What one event records: the agreement's status before (null on CREATED) and after, and who signed. */
export interface EventRecord {
  kind: AgreementEventKind;
  agreementId: string;
  partyCountries: string[];
  previousStatus: AgreementStatus | null;
  status: AgreementStatus;
  partyCountry?: string | null;
  at: Date;
}

/**
 * Appends one event to the log; call it inside the transaction of the change it records. The id comes
 * from the sequence row, whose lock (held until commit) orders every event-writing transaction.
 */
export async function recordEvent(manager: EntityManager, event: EventRecord): Promise<void> {
  await manager.query("UPDATE agreement_event_sequence SET value = value + 1 WHERE name = 'events'");
  const [{ value }] = await manager.query<{ value: number | string }[]>("SELECT value FROM agreement_event_sequence WHERE name = 'events'");
  await manager.insert(AgreementEvent, { ...event, partyCountry: event.partyCountry ?? null, id: Number(value) });
}
