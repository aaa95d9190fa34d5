import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AgreementStatus } from './agreement.entity';

/** What happened to an agreement. The GraphQL enum AgreementEventKind is registered with the live feed. */
export enum AgreementEventKind {
  CREATED = 'CREATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
}

/**
 * One row of the append-only event log that the live feed reads: written in the same transaction as
 * the change it records, never updated or deleted. The id grows with every event (a subscriber resumes
 * after the last one it saw); the party countries and the status are copied at the time of the event,
 * so the feed can filter by country, and hide drafts, without reading the agreement back.
 */
@Entity('agreement_events')
@Index('idx_agreement_events_agreement', ['agreementId'])
export class AgreementEvent {
  @PrimaryGeneratedColumn('increment', { type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 20 })
  kind: AgreementEventKind;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ name: 'agreement_id', type: 'varchar', length: 36 })
  agreementId: string;

  /** The ISO codes of the party countries, in the order of the agreement. */
  @Column({ name: 'party_countries', type: 'simple-json' })
  partyCountries: string[];

  /** The status of the agreement after the event. */
  @Column({ type: 'varchar', length: 20 })
  status: AgreementStatus;
}
