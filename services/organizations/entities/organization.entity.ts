import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum OrganizationKind {
  NGO = 'NGO',
  FAITH_BASED = 'FAITH_BASED',
  INTERNATIONAL = 'INTERNATIONAL',
  ACADEMIC = 'ACADEMIC',
  PRIVATE_SECTOR = 'PRIVATE_SECTOR',
  TRADE_UNION = 'TRADE_UNION',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of body a civil-society organization is.',
  valuesConfig: {
    NGO: { description: 'A non-governmental organization.' },
    FAITH_BASED: { description: 'A faith-based organization.' },
    INTERNATIONAL: { description: 'An international organization or its national office.' },
    ACADEMIC: { description: 'A university or research centre.' },
    PRIVATE_SECTOR: { description: 'A company or business association.' },
    TRADE_UNION: { description: 'A trade union or another organization of workers.' },
    COMMUNITY: { description: 'A community-based organization.' },
  },
});

export enum VerificationStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'Where an organization stands with the Secretariat: only VERIFIED ones are public.',
  valuesConfig: {
    PENDING: { description: 'Registered, waiting for the Secretariat (verifyOrganization); seen by its members and the Secretariat only.' },
    VERIFIED: { description: 'Verified by the Secretariat: public, with its services.' },
    SUSPENDED: { description: 'Suspended by the Secretariat: hidden again, as a PENDING one, until verified again.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A civil-society organization of the network of institutions (mandate 17.3).' })
@Entity('organizations')
@Index('idx_organizations_name', ['name'])
@Index('idx_organizations_country_name', ['countryCode', 'name'])
@Index('idx_organizations_status_name', ['status', 'name'])
@Index('idx_organizations_kind', ['kind'])
@Index('uq_organizations_country_name_key', ['countryCode', 'nameKey'], { unique: true })
export class Organization {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { description: 'Name, in the language the organization uses.' })
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Field(() => OrganizationKind, { description: 'What kind of body it is.' })
  @Column({ type: 'varchar', length: 20 })
  kind: OrganizationKind;

  /** The country it is based in; exposed as `country` by OrganizationResolver. */
  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Field(() => String, { nullable: true, description: 'What the organization does.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Public website (http or https).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact e-mail.' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** Stored in E.164 (+50222223333); answered formatted internationally (OrganizationResolver.phone). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  phone: string | null;

  @Field(() => VerificationStatus, { description: 'Verification by the Secretariat; the public sees VERIFIED organizations only.' })
  @Column({ type: 'varchar', length: 20 })
  status: VerificationStatus;

  /**
   * The name as the duplicate rule compares it (names.ts nameKey), unique per country. Null only for an
   * organization that had the name of an older one of its country when the rule came (1765120003000).
   */
  @Column({ name: 'name_key', type: 'varchar', length: 64, nullable: true })
  nameKey: string | null;

  @Field(() => Date, { description: 'When it was registered.' })
  @Column({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;

  @Field(() => Date, {
    description: 'When its profile or verification status last changed (registration included); a change of members does not count.',
  })
  @Column({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP' })
  updatedAt: Date;

  @Field(() => Boolean, { description: 'True for the fictional demo directory that ships with Enlace.' })
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;
}
