import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum Progress {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  ACHIEVED = 'ACHIEVED',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}
registerEnumType(Progress, {
  name: 'Progress',
  description: 'How far a Member State has come on an indicator.',
  valuesConfig: {
    NOT_STARTED: { description: 'Nothing done yet.' },
    IN_PROGRESS: { description: 'Under way.' },
    ACHIEVED: { description: 'Achieved.' },
    NOT_APPLICABLE: { description: 'Does not apply to the country.' },
  },
});

/**
 * One indicator of one report: the key (report, indicator) makes "upsert the entry of an indicator" one
 * row; idx_indicator_entries_indicator serves the count per indicator and progress over a period.
 * The lists (evidence links, linked practices and agreements) are at most 20 each and never filtered on:
 * JSON columns of the row.
 */
@ObjectType({ description: 'What a Member State reports on one indicator of Annex I.' })
@Entity('indicator_entries')
@Index('idx_indicator_entries_indicator', ['indicatorId', 'progress'])
export class IndicatorEntry {
  @PrimaryColumn({ name: 'report_id', type: 'varchar', length: 36 })
  reportId: string;

  @PrimaryColumn({ name: 'indicator_id', type: 'varchar', length: 10 })
  indicatorId: string;

  @Field(() => Progress, { description: 'How far the country has come.' })
  @Column({ type: 'varchar', length: 20 })
  progress: Progress;

  @Field(() => String, { nullable: true, description: 'What was done, up to 5,000 characters.' })
  @Column({ type: 'text', nullable: true })
  narrative: string | null;

  @Field(() => [String], { description: 'http(s) links to laws, plans, reports.' })
  @Column({ type: 'simple-json' })
  evidence: string[];

  @Column({ name: 'practice_ids', type: 'simple-json' })
  practiceIds: string[];

  @Column({ name: 'agreement_ids', type: 'simple-json' })
  agreementIds: string[];

  @Field(() => Date, { description: 'When it was last saved.' })
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
