import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AgreementKind {
  BILATERAL = 'BILATERAL',
  MULTILATERAL = 'MULTILATERAL',
  MEMORANDUM = 'MEMORANDUM',
  MUTUAL_LEGAL_ASSISTANCE = 'MUTUAL_LEGAL_ASSISTANCE',
  EXTRADITION = 'EXTRADITION',
  INFORMATION_EXCHANGE = 'INFORMATION_EXCHANGE',
  JOINT_INVESTIGATION = 'JOINT_INVESTIGATION',
  VICTIM_REFERRAL = 'VICTIM_REFERRAL',
}
registerEnumType(AgreementKind, {
  name: 'AgreementKind',
  description: 'What kind of cooperation instrument an agreement is.',
  valuesConfig: {
    BILATERAL: { description: 'A general cooperation agreement between two States.' },
    MULTILATERAL: { description: 'A general cooperation agreement between three or more States.' },
    MEMORANDUM: { description: 'A memorandum of understanding: commitments, usually not binding.' },
    MUTUAL_LEGAL_ASSISTANCE: { description: 'A treaty on mutual legal assistance in criminal matters.' },
    EXTRADITION: { description: 'An extradition treaty.' },
    INFORMATION_EXCHANGE: { description: 'An agreement to exchange information and data on trafficking.' },
    JOINT_INVESTIGATION: { description: 'An agreement setting up joint investigation teams.' },
    VICTIM_REFERRAL: { description: 'A protocol for referring and returning victims between States.' },
  },
});

export enum AgreementStatus {
  DRAFT = 'DRAFT',
  SIGNED = 'SIGNED',
  IN_FORCE = 'IN_FORCE',
  SUSPENDED = 'SUSPENDED',
  TERMINATED = 'TERMINATED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'Where an agreement stands; a DRAFT or WITHDRAWN one is seen only by authorities of its parties and the Secretariat.',
  valuesConfig: {
    DRAFT: { description: 'Being negotiated; parties sign it one by one (signAgreement).' },
    SIGNED: { description: 'Every party has signed.' },
    IN_FORCE: { description: 'In force.' },
    SUSPENDED: { description: 'Suspended; it may return to IN_FORCE.' },
    TERMINATED: { description: 'Ended for good.' },
    WITHDRAWN: { description: 'A DRAFT abandoned before every party signed; never public.' },
  },
});

/** The statuses of an agreement that only its parties' authorities and the Secretariat see. */
export const HIDDEN_STATUSES: readonly AgreementStatus[] = [AgreementStatus.DRAFT, AgreementStatus.WITHDRAWN];

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A cooperation agreement between Member States against trafficking in persons (guidelines 12, 29, 38, 41, 42, 57).',
})
@Entity('agreements')
@Index('idx_agreements_status_title', ['status', 'title'])
@Index('idx_agreements_recency', ['recency', 'id'])
export class Agreement {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { description: 'Title of the agreement, in its original language.' })
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field(() => AgreementKind, { description: 'What kind of instrument it is.' })
  @Column({ type: 'varchar', length: 30 })
  kind: AgreementKind;

  @Field(() => AgreementStatus, { description: 'Where the agreement stands.' })
  @Column({ type: 'varchar', length: 20 })
  status: AgreementStatus;

  @Field(() => String, { nullable: true, description: 'What the parties commit to, in a few sentences.' })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /**
   * Read with the agreement. The guidelines never change after creation; agreement_guidelines holds the
   * same numbers, written in the same transaction, for the reverse lookups (filter, Guideline.agreements).
   */
  @Column({ name: 'guidelines', type: 'simple-json' })
  guidelineNumbers: number[];

  @Field(() => Date, { nullable: true, description: 'When the last party signed it; null before.' })
  @Column({ name: 'signed_on', type: 'datetime', nullable: true })
  signedOn: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it entered into force; null before.' })
  @Column({ name: 'entry_into_force', type: 'datetime', nullable: true })
  entryIntoForce: Date | null;

  @Field(() => Date, { description: 'When it was registered in Enlace.' })
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  /** When it was created or last changed (a signature, a status): internal, for `orderBy: NEWEST`. */
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  /** updatedAt as the ascending sort key of "newest first" (kit/change-log.ts recencyKey), which keyset pages need. */
  @Column({ type: 'varchar', length: 13 })
  recency: string;

  @Field(() => Boolean, { description: 'True for the fictional demo register that ships with Enlace.' })
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;
}
