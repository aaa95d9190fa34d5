import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ShelterKind {
  EMERGENCY = 'EMERGENCY',
  TRANSITIONAL = 'TRANSITIONAL',
  LONG_TERM = 'LONG_TERM',
}
registerEnumType(ShelterKind, {
  name: 'ShelterKind',
  description: 'How long a shelter houses the people it takes in.',
  valuesConfig: {
    EMERGENCY: { description: 'Emergency shelter: immediate, short stays (days to weeks) right after identification.' },
    TRANSITIONAL: { description: 'Transitional shelter: medium stays (weeks to months) while a person recovers.' },
    LONG_TERM: { description: 'Long-term shelter: stays of months or more, until the person can live on their own.' },
  },
});

/**
 * The shelter details of a SHELTER service (one row per service). A value type, not an entity:
 * it is only reached through Service.shelter; its confidential fields address and availableBeds are
 * fields of ShelterResolver, which blanks them for most viewers and logs the reads of authorities.
 */
@ObjectType({ description: 'The details of a shelter; its address and free beds are confidential.' })
@Entity('shelters')
export class Shelter {
  @PrimaryColumn({ name: 'service_id', type: 'varchar', length: 36 })
  serviceId: string;

  @Field(() => ShelterKind, { description: 'How long it houses people.' })
  @Column({ type: 'varchar', length: 20 })
  kind: ShelterKind;

  @Field(() => Int, { description: 'Number of beds.' })
  @Column({ type: 'int' })
  capacity: number;

  @Field(() => Int, { nullable: true, description: 'Youngest age taken in, if limited.' })
  @Column({ name: 'min_age', type: 'int', nullable: true })
  minAge: number | null;

  @Field(() => Int, { nullable: true, description: 'Oldest age taken in, if limited.' })
  @Column({ name: 'max_age', type: 'int', nullable: true })
  maxAge: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @Column({ name: 'available_beds', type: 'int', nullable: true })
  availableBeds: number | null;

  /** Not a column: the owning organization, set by Service.shelter for the access rules. */
  organizationId?: string;
}
