import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ChangeEntry, type ChangeRow } from '../../kit/change-log';

/** What happened in the reporting cycle. */
export enum ReportChangeKind {
  PERIOD_CREATED = 'PERIOD_CREATED',
  ENTRY_SAVED = 'ENTRY_SAVED',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  PUBLISHED = 'PUBLISHED',
  PLAN_CREATED = 'PLAN_CREATED',
  PLAN_UPDATED = 'PLAN_UPDATED',
}
registerEnumType(ReportChangeKind, {
  name: 'ReportChangeKind',
  description: 'What happened in the reporting cycle.',
  valuesConfig: {
    PERIOD_CREATED: { description: 'The Secretariat opened a reporting period (the subject is the period).' },
    ENTRY_SAVED: {
      description: "An authority saved one indicator's entry of its country's report (the report is created with its first entry).",
    },
    SUBMITTED: { description: 'The report was submitted to the Secretariat.' },
    RETURNED: { description: 'The Secretariat returned the report with a note.' },
    PUBLISHED: { description: 'The Secretariat published the report.' },
    PLAN_CREATED: { description: 'A national action plan was recorded.' },
    PLAN_UPDATED: { description: 'A national action plan changed.' },
  },
});

/**
 * One entry of the reporting cycle's history: written in the same transaction as the change it records,
 * never updated or deleted, with no foreign key. Its subject is a reporting period, a country report or
 * a national plan, as its kind says.
 */
@ObjectType({ description: 'A change in the reporting cycle: who made it, when, and the fields it changed.' })
@Entity('report_changes')
@Index('idx_report_changes_subject_recency', ['subjectId', 'recency'])
@Index('idx_report_changes_country_recency', ['countryCode', 'recency'])
@Index('idx_report_changes_recency', ['recency'])
export class ReportChange extends ChangeEntry implements ChangeRow {
  @Field(() => ReportChangeKind, { description: 'What happened.' })
  @Column({ type: 'varchar', length: 20 })
  kind: ReportChangeKind;

  @Field(() => ID, { description: 'What changed: the id of the reporting period, the country report or the national plan.' })
  @Column({ name: 'subject_id', type: 'varchar', length: 40 })
  subjectId: string;

  @Field(() => ID, { nullable: true, description: 'ISO code of the country of the report or plan; null for a period.' })
  @Column({ name: 'country_code', type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;
}
