import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ChangeEntry, type ChangeRow } from '../../kit/change-log';

/** What happened to a national authority. */
export enum AuthorityChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  ARCHIVED = 'ARCHIVED',
  DESIGNATED = 'DESIGNATED',
  UNDESIGNATED = 'UNDESIGNATED',
}
registerEnumType(AuthorityChangeKind, {
  name: 'AuthorityChangeKind',
  description: 'What happened to a national authority.',
  valuesConfig: {
    CREATED: { description: 'It was added to the directory.' },
    UPDATED: { description: 'Some of its fields changed.' },
    ARCHIVED: { description: 'It was archived (and lost its contact point status, if it had it).' },
    DESIGNATED: { description: 'It was designated national contact point of its country.' },
    UNDESIGNATED: { description: 'It stopped being the contact point: another one was designated.' },
  },
});

/**
 * One entry of the directory's history: written in the same transaction as the change it records, never
 * updated or deleted. No foreign key: the history outlives any later change to the authority.
 */
@ObjectType({ description: 'A change to the directory of national authorities: who made it, when, and the fields it changed.' })
@Entity('authority_changes')
@Index('idx_authority_changes_authority_recency', ['authorityId', 'recency'])
@Index('idx_authority_changes_country_recency', ['countryCode', 'recency'])
@Index('idx_authority_changes_recency', ['recency'])
export class AuthorityChange extends ChangeEntry implements ChangeRow {
  @Field(() => AuthorityChangeKind, { description: 'What happened.' })
  @Column({ type: 'varchar', length: 20 })
  kind: AuthorityChangeKind;

  @Field(() => ID, { description: 'The authority changed.' })
  @Column({ name: 'authority_id', type: 'varchar', length: 36 })
  authorityId: string;

  @Field(() => ID, { description: 'ISO code of its country.' })
  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;
}
