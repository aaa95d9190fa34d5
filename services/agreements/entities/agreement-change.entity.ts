import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ChangeEntry, type ChangeRow } from '../../kit/change-log';

/** What happened to an agreement, as its history records it. */
export enum AgreementChangeKind {
  CREATED = 'CREATED',
  PARTY_SIGNED = 'PARTY_SIGNED',
  STATUS_CHANGED = 'STATUS_CHANGED',
}
registerEnumType(AgreementChangeKind, {
  name: 'AgreementChangeKind',
  description: 'What happened to an agreement.',
  valuesConfig: {
    CREATED: { description: 'It was registered.' },
    PARTY_SIGNED: { description: 'One party signed (and, with the last signature, it became SIGNED).' },
    STATUS_CHANGED: { description: 'Its status changed (setAgreementStatus).' },
  },
});

/**
 * One entry of the register's history: written in the same transaction as the change it records, never
 * updated or deleted. No foreign key: the history outlives any later change to the agreement.
 */
@ObjectType({ description: 'A change to the register of agreements: who made it, when, and the fields it changed.' })
@Entity('agreement_changes')
@Index('idx_agreement_changes_agreement_recency', ['agreementId', 'recency'])
@Index('idx_agreement_changes_recency', ['recency'])
export class AgreementChange extends ChangeEntry implements ChangeRow {
  @Field(() => AgreementChangeKind, { description: 'What happened.' })
  @Column({ type: 'varchar', length: 20 })
  kind: AgreementChangeKind;

  @Field(() => ID, { description: 'The agreement changed.' })
  @Column({ name: 'agreement_id', type: 'varchar', length: 36 })
  agreementId: string;

  @Field(() => ID, { nullable: true, description: 'ISO code of the country that signed, for PARTY_SIGNED; null otherwise.' })
  @Column({ name: 'country_code', type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;

  /** The ISO codes of the party countries, for the `country` filter of agreementHistory. */
  @Column({ name: 'party_countries', type: 'simple-json' })
  partyCountries: string[];
}
