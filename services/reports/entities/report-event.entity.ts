import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ReportStatus } from './country-report.entity';

/** What happened to a country report that the feed of publications tells. */
export enum ReportEventKind {
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(ReportEventKind, {
  name: 'ReportEventKind',
  description: 'What happened to a country report: the public sees PUBLISHED alone.',
  valuesConfig: {
    SUBMITTED: { description: "The country's authorities submitted it to the Secretariat." },
    RETURNED: { description: 'The Secretariat returned it with a note.' },
    PUBLISHED: { description: 'The Secretariat published it.' },
  },
});

/**
 * One row of the append-only log that the feed of publications reads: written in the same transaction as
 * the move it records (report-writes.ts), never updated or deleted, with no foreign key. Ids come from
 * report_event_sequence (events.ts): they increase with every event, without gaps, in commit order. The
 * country, the period and the status right after the move are copied at the time, so that the feed judges
 * and filters each event without reading the report, and a replay shows the status each move left.
 */
@ObjectType({ description: 'A country report submitted, returned or published: an entry of the feed of publications.' })
@Entity('report_events')
export class ReportEvent {
  @Field(() => ID, { description: 'Increases with every event; a subscriber resumes after the last one it saw.' })
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Field(() => ReportEventKind, { description: 'What happened.' })
  @Column({ type: 'varchar', length: 20 })
  kind: ReportEventKind;

  @Field(() => Date, { description: 'When it happened.' })
  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ name: 'report_id', type: 'varchar', length: 36 })
  reportId: string;

  /** The ISO code of the report's country (ReportEventResolver.country). */
  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  /** The id of the report's period (ReportEventResolver.period). */
  @Column({ name: 'period_id', type: 'varchar', length: 40 })
  periodId: string;

  @Field(() => ReportStatus, { description: "The report's status right after this event, as recorded then." })
  @Column({ type: 'varchar', length: 20 })
  status: ReportStatus;
}
