import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AgreementStatus } from './agreement.entity';

/** What happened to an agreement. */
export enum AgreementEventKind {
  CREATED = 'CREATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  PARTY_SIGNED = 'PARTY_SIGNED',
}
registerEnumType(AgreementEventKind, {
  name: 'AgreementEventKind',
  description: 'What happened to an agreement.',
  valuesConfig: {
    CREATED: { description: 'The agreement was registered.' },
    STATUS_CHANGED: { description: 'Its status changed.' },
    PARTY_SIGNED: { description: 'One party signed; the agreement becomes SIGNED when the last one does.' },
  },
});

/**
 * One row of the append-only event log that the live feed reads: written in the same transaction as
 * the change it records, never updated or deleted. Ids come from agreement_event_sequence (see
 * events.ts): they increase with every event, without gaps, in commit order. The party countries and
 * the statuses before and after are copied at the time of the event, so a replay shows the history as it
 * was, the feed filters by country, and an event recorded while the agreement was a DRAFT (or the one
 * that withdrew it) reaches only those who could see the draft, without reading the agreement back.
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

  @Field(() => AgreementStatus, { description: "The agreement's status right after this event, as recorded then." })
  @Column({ type: 'varchar', length: 20 })
  status: AgreementStatus;

  @Field(() => AgreementStatus, { nullable: true, description: 'Its status before this event; null for CREATED.' })
  @Column({ name: 'previous_status', type: 'varchar', length: 20, nullable: true })
  previousStatus: AgreementStatus | null;

  /** The ISO code of the country that signed, for PARTY_SIGNED (AgreementEventResolver.party). */
  @Column({ name: 'party_country', type: 'varchar', length: 2, nullable: true })
  partyCountry: string | null;
}
