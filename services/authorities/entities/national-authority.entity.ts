import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum Competence {
  COORDINATION = 'COORDINATION',
  PREVENTION = 'PREVENTION',
  VICTIM_PROTECTION = 'VICTIM_PROTECTION',
  INVESTIGATION = 'INVESTIGATION',
  PROSECUTION = 'PROSECUTION',
  MUTUAL_LEGAL_ASSISTANCE = 'MUTUAL_LEGAL_ASSISTANCE',
  EXTRADITION = 'EXTRADITION',
  MIGRATION = 'MIGRATION',
  LABOUR_INSPECTION = 'LABOUR_INSPECTION',
  CONSULAR = 'CONSULAR',
  DATA_COLLECTION = 'DATA_COLLECTION',
}
registerEnumType(Competence, {
  name: 'Competence',
  description: 'What a national authority is competent for.',
  valuesConfig: {
    COORDINATION: { description: 'Coordinates the national response to trafficking (a national commission or council).' },
    PREVENTION: { description: 'Prevention: awareness campaigns, training, demand reduction.' },
    VICTIM_PROTECTION: { description: 'Identification, assistance and protection of victims.' },
    INVESTIGATION: { description: 'Criminal investigation (police, specialized units).' },
    PROSECUTION: { description: 'Criminal prosecution (public prosecutors).' },
    MUTUAL_LEGAL_ASSISTANCE: { description: 'Central authority for mutual legal assistance requests with other States.' },
    EXTRADITION: { description: 'Extradition requests, sent and received.' },
    MIGRATION: { description: 'Migration control at borders and within the country.' },
    LABOUR_INSPECTION: { description: 'Labour inspection, where trafficking for forced labour is found.' },
    CONSULAR: { description: 'Consular assistance to nationals abroad, victims included.' },
    DATA_COLLECTION: { description: 'Collection and publication of national data on trafficking.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A national authority of a Member State with a role against trafficking in persons (mandates 9, 10).' })
@Entity('national_authorities')
@Index('idx_authorities_country_name', ['countryCode', 'name'])
export class NationalAuthority {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { description: 'Official name, in the language of the country.' })
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Acronym, e.g. SVET.' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  acronym: string | null;

  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Field(() => [Competence], { description: 'What the authority is competent for.' })
  @Column({ type: 'simple-json' })
  competences: Competence[];

  @Field(() => String, { nullable: true, description: 'Public website (http or https).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact e-mail.' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** Stored in E.164 (+50222223333); answered formatted internationally (NationalAuthorityResolver.phone). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  phone: string | null;

  @Field(() => Boolean, { description: "True for the country's national contact point on trafficking in persons." })
  @Column({ name: 'is_contact_point', type: 'boolean', default: false })
  isContactPoint: boolean;

  @Field(() => String, { nullable: true, description: 'Mandate and remit, in a few lines.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Boolean, {
    description: 'True once archived: it leaves the lists and search, cannot be the contact point, and stays resolvable by id.',
  })
  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @Field(() => Date, { description: 'When the authority was created or last changed (a designation included).' })
  @Column({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP' })
  updatedAt: Date;

  @Field(() => Boolean, { description: 'True for the fictional demo directory that ships with Enlace.' })
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;
}
