import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Agreement } from './agreement.entity';

/**
 * One party of an agreement: a country, optionally through one of its authorities. A row of its own
 * (indexed by country and by authority) because Country.agreements and NationalAuthority.agreements
 * look agreements up by party. Its GraphQL fields are references, resolved in AgreementPartyResolver.
 */
@ObjectType({ description: 'A party to an agreement: a Member State, and the authority that acts for it if one is named.' })
@Entity('agreement_parties')
export class AgreementParty {
  @PrimaryColumn({ name: 'agreement_id', type: 'varchar', length: 36 })
  agreementId: string;

  /** Order of the party in the agreement, from 0. */
  @PrimaryColumn({ type: 'int' })
  position: number;

  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Column({ name: 'authority_id', type: 'varchar', length: 36, nullable: true })
  authorityId: string | null;

  @Field(() => Date, { nullable: true, description: 'When this party signed; null until it does.' })
  @Column({ name: 'signed_on', type: 'datetime', nullable: true })
  signedOn: Date | null;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;
}
