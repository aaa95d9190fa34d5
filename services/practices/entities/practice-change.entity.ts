import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ChangeEntry, type ChangeRow } from '../../kit/change-log';

/** What happened to a practice. */
export enum PracticeChangeKind {
  SUBMITTED = 'SUBMITTED',
  UPDATED = 'UPDATED',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PracticeChangeKind, {
  name: 'PracticeChangeKind',
  description: 'What happened to a practice.',
  valuesConfig: {
    SUBMITTED: { description: 'It was submitted for review.' },
    UPDATED: { description: 'Some of its fields changed (a REJECTED one changed by its submitter is SUBMITTED again).' },
    PUBLISHED: { description: 'The Secretariat published it.' },
    REJECTED: { description: 'The Secretariat rejected it; the reason is the new reviewNote.' },
    WITHDRAWN: { description: 'Its submitter or the Secretariat withdrew it.' },
  },
});

/**
 * One entry of the library's history: written in the same transaction as the change it records, never
 * updated or deleted. No foreign key: the history outlives any later change to the practice. A practice
 * has several countries, so an entry has none of its own (countryCode stays null): practiceHistory's
 * `country` reads the practice's countries.
 */
@ObjectType({ description: 'A change to a practice: who made it, when, and the fields it changed.' })
@Entity('practice_changes')
@Index('idx_practice_changes_practice_recency', ['practiceId', 'recency'])
@Index('idx_practice_changes_recency', ['recency'])
export class PracticeChange extends ChangeEntry implements ChangeRow {
  @Field(() => PracticeChangeKind, { description: 'What happened.' })
  @Column({ type: 'varchar', length: 20 })
  kind: PracticeChangeKind;

  @Field(() => ID, { description: 'The practice changed.' })
  @Column({ name: 'practice_id', type: 'varchar', length: 36 })
  practiceId: string;

  /** ChangeRow's country: none for a practice (see above). */
  countryCode: null;
}
