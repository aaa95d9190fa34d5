import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description:
    "Where a country report stands: only PUBLISHED reports are public; the others are read by that country's authorities and the Secretariat.",
  valuesConfig: {
    DRAFT: { description: "The country's authorities are writing it; only they and the Secretariat see it." },
    SUBMITTED: { description: 'Sent to the Secretariat.' },
    RETURNED: { description: 'Sent back by the Secretariat with a note; editable again.' },
    PUBLISHED: { description: 'Public.' },
  },
});

/**
 * One country's report for one period (at most one: the unique key). Its status, period and country are
 * columns of this row, so that counting the entries of the PUBLISHED reports of a period is one aggregate
 * over indicator_entries joined to this table (idx_country_reports_period_status).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A Member State's report on the Annex I indicators for one reporting period (mandate 11)." })
@Entity('country_reports')
@Index('uq_country_reports_country_period', ['countryCode', 'periodId'], { unique: true })
@Index('idx_country_reports_period_status', ['periodId', 'status'])
export class CountryReport {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Column({ name: 'period_id', type: 'varchar', length: 40 })
  periodId: string;

  @Field(() => ReportStatus, { description: 'Where the report stands.' })
  @Column({ type: 'varchar', length: 20 })
  status: ReportStatus;

  /** The Secretariat's note when it returned the report; in the API through CountryReportResolver.returnNote. */
  @Column({ name: 'return_note', type: 'text', nullable: true })
  returnNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was last submitted.' })
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was last published.' })
  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, { description: 'When it was created.' })
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Field(() => Date, { description: 'When an entry or its status last changed.' })
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Field(() => Boolean, { description: 'True for the fictional demo reports that ship with Enlace.' })
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;
}
