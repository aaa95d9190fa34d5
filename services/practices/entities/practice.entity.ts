import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum Pillar {
  PREVENTION = 'PREVENTION',
  PROTECTION = 'PROTECTION',
  PROSECUTION = 'PROSECUTION',
  PARTNERSHIP = 'PARTNERSHIP',
}
registerEnumType(Pillar, {
  name: 'Pillar',
  description: 'The pillar of the response to trafficking a practice belongs to.',
  valuesConfig: {
    PREVENTION: { description: 'Preventing trafficking before it happens.' },
    PROTECTION: { description: 'Identifying, assisting and protecting victims.' },
    PROSECUTION: { description: 'Investigating, prosecuting and punishing traffickers.' },
    PARTNERSHIP: { description: 'Cooperation between States, and with civil society and the private sector.' },
  },
});

export enum PracticeStatus {
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PracticeStatus, {
  name: 'PracticeStatus',
  description:
    'Where a practice stands in review: only PUBLISHED practices are public; SUBMITTED and REJECTED ones are read by their submitter and the Secretariat, WITHDRAWN ones by the Secretariat only.',
  valuesConfig: {
    SUBMITTED: { description: 'Waiting for the Secretariat to review it.' },
    PUBLISHED: { description: 'In the public library.' },
    REJECTED: { description: 'Sent back by the Secretariat with a reviewNote; its submitter may change it, which submits it again.' },
    WITHDRAWN: { description: 'Withdrawn by its submitter or the Secretariat: final, and read by the Secretariat only.' },
  },
});

/**
 * The practice row. Its countries, guidelines, populations, organizations and authorities live in
 * join tables only (practice-links.entity.ts), the one copy that filters, reverse lookups and
 * display all read.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A best practice against trafficking in persons, shared between Member States (mandate 8, guideline 15).' })
@Entity('practices')
@Index('idx_practices_status_title', ['status', 'title'])
export class Practice {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { description: 'Title, in the language of the text.' })
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field(() => String, { description: 'A short summary of what was done and what came of it.' })
  @Column({ type: 'text' })
  summary: string;

  @Field(() => String, { nullable: true, description: 'The full description, plain text.' })
  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Field(() => Pillar, { description: 'The pillar of the response the practice belongs to.' })
  @Column({ type: 'varchar', length: 20 })
  pillar: Pillar;

  @Field(() => PracticeStatus, { description: 'Where the practice stands in review.' })
  @Column({ type: 'varchar', length: 20 })
  status: PracticeStatus;

  @Field(() => Int, { nullable: true, description: 'The year the practice started, if known.' })
  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Field(() => String, { description: 'ISO 639-3 code of the language of the text, e.g. spa, por, fra, eng.' })
  @Column({ type: 'varchar', length: 3 })
  language: string;

  @Field(() => String, { nullable: true, description: 'Where the original report or publication can be read.' })
  @Column({ name: 'source_url', type: 'varchar', length: 500, nullable: true })
  sourceUrl: string | null;

  @Field(() => Date, { description: 'When the practice was submitted.' })
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Field(() => Date, { description: 'When the practice was submitted or last changed (reviews included).' })
  @Column({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP' })
  updatedAt: Date;

  /**
   * Why the Secretariat rejected the practice; kept until the next review. In the API through
   * PracticeResolver.reviewNote, which shows it to the submitter and the Secretariat only.
   */
  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote: string | null;

  /**
   * The user who submitted the practice (an accounts id), null for the demo library. Not in the API:
   * it decides who reads a practice under review (visibility.ts), and names no one publicly.
   */
  @Index('idx_practices_submitted_by')
  @Column({ name: 'submitted_by', type: 'varchar', length: 36, nullable: true })
  submittedBy: string | null;

  @Field(() => Boolean, { description: 'True for the fictional demo library that ships with Enlace.' })
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;
}
