import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AgreementStatus } from './agreement.entity';

/** What happened to an agreement. */
export enum AgreementEventKind {
  CREATED = 'CREATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
}
registerEnumType(AgreementEventKind, {
  name: 'AgreementEventKind',
  description: 'What happened to an agreement.',
  valuesConfig: {
    CREATED: { description: 'The agreement was registered.' },
    STATUS_CHANGED: { description: 'Its status changed.' },
  },
});

/**
 * One row of the append-only event log that the live feed reads: written in the same transaction as
 * the change it records, never updated or deleted. Ids come from agreement_event_sequence (see
 * events.ts): they increase with every event, without gaps, in commit order. The party countries and
 * the status are copied at the time of the event, so the feed filters by country, and keeps an event
 * of a draft for those who could see the draft, without reading the agreement back.
 */
@ObjectType({ description: 'Something that happened to an agreement: an entry of the live feed.' })
@Entity('agreement_events')
@Index('idx_agreement_events_agreement', ['agreementId'])
export class AgreementEvent {
  @Field(() => ID, { description: 'Increases with every event; a subscriber resumes after the last one it saw.' })
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Field(() => AgreementEventKind, { description: 'What happened.' })
  @Column({ type: 'varchar', length: 20 })
  kind: AgreementEventKind;

  @Field(() => Date, { description: 'When it happened.' })
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
