import { BeforeInsert, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { recencyKey } from '../../kit/change-log';
import { cityKey } from '../places';
import { Directive, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Population } from '../../kit/enums';
import type { VerificationStatus } from './organization.entity';

export enum ServiceType {
  SHELTER = 'SHELTER',
  HOTLINE = 'HOTLINE',
  LEGAL_AID = 'LEGAL_AID',
  HEALTH = 'HEALTH',
  PSYCHOSOCIAL = 'PSYCHOSOCIAL',
  CASE_MANAGEMENT = 'CASE_MANAGEMENT',
  REINTEGRATION = 'REINTEGRATION',
  VOCATIONAL_TRAINING = 'VOCATIONAL_TRAINING',
  EDUCATION = 'EDUCATION',
  REPATRIATION = 'REPATRIATION',
  INTERPRETATION = 'INTERPRETATION',
  OTHER = 'OTHER',
}
registerEnumType(ServiceType, {
  name: 'ServiceType',
  description: 'What a service offers to victims and survivors of trafficking.',
  valuesConfig: {
    SHELTER: { description: 'Accommodation; the service has a shelter (Service.shelter) with its kind and capacity.' },
    HOTLINE: { description: 'A telephone or online line for reports and first help.' },
    LEGAL_AID: { description: 'Legal advice and representation, in criminal, migration or civil matters.' },
    HEALTH: { description: 'Medical care, sexual and reproductive health included.' },
    PSYCHOSOCIAL: { description: 'Psychological and social support.' },
    CASE_MANAGEMENT: { description: 'Case management: one worker coordinates the other services a person needs.' },
    REINTEGRATION: { description: 'Help to rebuild a life: housing, income, return to the community.' },
    VOCATIONAL_TRAINING: { description: 'Training for a trade or a job.' },
    EDUCATION: { description: 'Schooling and literacy.' },
    REPATRIATION: { description: 'Safe return to the country of origin, and the reception there.' },
    INTERPRETATION: { description: 'Interpretation and translation for people who do not speak the local language.' },
    OTHER: { description: 'Anything the other values do not name; the description says what.' },
  },
});

export enum ServiceCoverage {
  LOCAL = 'LOCAL',
  NATIONAL = 'NATIONAL',
  INTERNATIONAL = 'INTERNATIONAL',
}
registerEnumType(ServiceCoverage, {
  name: 'ServiceCoverage',
  description: 'Where people can use a service.',
  valuesConfig: {
    LOCAL: { description: 'At its place (the default): a near search finds it within the radius of its position.' },
    NATIONAL: { description: 'Anywhere in its country (hotlines, remote legal aid): a near search within its country finds it.' },
    INTERNATIONAL: {
      description: 'Across borders: a near search finds it in its country and in the countries its organization serves.',
    },
  },
});

/**
 * Languages and populations are stored twice, written together: a JSON copy on the row for display
 * and the service_languages / service_populations join tables for filtering.
 * Latitude, longitude, phone and organization are fields of ServiceResolver (coarsening, format, loader).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A service an organization offers: a shelter, a hotline, legal aid...' })
@Entity('services')
@Index('idx_services_name', ['name'])
@Index('idx_services_country_type_org', ['countryCode', 'type', 'organizationId', 'id', 'archived', 'organizationStatus'])
@Index('idx_services_country_name', ['countryCode', 'archived', 'name', 'id', 'organizationId', 'organizationStatus'])
@Index('idx_services_type_position', ['type', 'latitude', 'longitude', 'organizationId', 'id', 'archived', 'organizationStatus'])
@Index('idx_services_organization', ['organizationId', 'name'])
@Index('idx_services_lat_lon', ['latitude', 'longitude'])
@Index('idx_services_city', ['cityKey', 'countryCode', 'organizationId', 'id', 'archived', 'organizationStatus'])
@Index('idx_services_recency', ['recency', 'id', 'organizationId', 'archived', 'organizationStatus'])
@Index('idx_services_country_recency', ['countryCode', 'archived', 'recency', 'id', 'organizationId', 'organizationStatus'])
@Index('idx_services_coverage_country', ['coverage', 'countryCode', 'organizationId', 'id', 'archived', 'organizationStatus'])
export class Service {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { description: 'Name of the service.' })
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Field(() => ServiceType, { description: 'What the service offers.' })
  @Column({ type: 'varchar', length: 30 })
  type: ServiceType;

  @Field(() => String, { nullable: true, description: 'What the service does and how to reach it.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  /**
   * Its organization's verification status, copied by the writes that set either (addService,
   * setVerification), so that a list tests what the viewer may see from the service's own index entries
   * rather than by looking its organization up for every row (visibility.ts). PENDING until written: a
   * writer that forgot it hides the service rather than shows it. Not in the API: Organization.status is.
   */
  @Column({ name: 'organization_status', type: 'varchar', length: 20, default: 'PENDING' })
  organizationStatus: VerificationStatus;

  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Field(() => String, { nullable: true, description: 'City or locality where it is offered.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  city: string | null;

  /** The city as filter.city compares it (places.ts cityKey): accents, case and spacing folded; set with city on every write. */
  @Column({ name: 'city_key', type: 'varchar', length: 200, nullable: true })
  cityKey: string | null;

  @Field(() => [String], { description: 'Languages it is offered in, ISO 639-3 codes (e.g. spa, quc, hat).' })
  @Column({ type: 'simple-json' })
  languages: string[];

  @Field(() => [Population], { description: 'The people it is meant for.' })
  @Column({ type: 'simple-json' })
  populations: Population[];

  @Field(() => Boolean, { description: 'True when it costs nothing to the person served.' })
  @Column({ type: 'boolean', default: true })
  free: boolean;

  /** Stored as e164() gives it (+50222223333); shown in international format by ServiceResolver. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Opening hours, e.g. "24/7" or "Mon-Fri 8:00-17:00".' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  hours: string | null;

  @Column({ type: 'double', nullable: true })
  latitude: number | null;

  @Column({ type: 'double', nullable: true })
  longitude: number | null;

  @Field(() => ServiceCoverage, {
    description: 'Where people can use it; a NATIONAL service (a hotline) is found by a near search anywhere in its country.',
  })
  @Column({ type: 'varchar', length: 20, default: ServiceCoverage.LOCAL })
  coverage: ServiceCoverage;

  @Field(() => Boolean, {
    description:
      'True once archived: it leaves every public list and search; its members and the Secretariat still see it, and may restore it.',
  })
  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @Field(() => Date, { description: 'When it was added.' })
  @Column({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;

  @Field(() => Date, { description: 'When it, or its shelter details, last changed.' })
  @Column({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP' })
  updatedAt: Date;

  /** updatedAt as the ascending sort key of "newest first" (kit/change-log.ts recencyKey): `orderBy: NEWEST`; set with updatedAt on every write. */
  @Column({ type: 'varchar', length: 13 })
  recency: string;

  @Field(() => Boolean, { description: 'True for the fictional demo directory that ships with Enlace.' })
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  /** Set by the services query when filtered by near; not a column. */
  @Field(() => Float, {
    nullable: true,
    description:
      'Distance in km from filter.near of the services query (null elsewhere). For a shelter whose address the viewer ' +
      'may not see, measured from its public (coarsened) position and rounded to whole km. An authority measures from the exact ' +
      'position, and its near search writes the shelters it lists to the access log. Null for a NATIONAL service found by its coverage.',
  })
  distanceKm?: number | null;

  /**
   * The derived columns of a row inserted whole (addService, the demo directory, fixtures): the city key and
   * the recency key. A partial update sets them itself (placeKeys).
   */
  @BeforeInsert()
  deriveKeys(): void {
    if (!(this.updatedAt instanceof Date)) this.updatedAt = new Date();
    Object.assign(this, placeKeys(this.city ?? null, this.updatedAt));
  }
}

/** The derived columns of a service's city and updatedAt, for an update that changes them. */
export function placeKeys(city: string | null, updatedAt: Date): { cityKey: string | null; recency: string } {
  return { cityKey: cityKey(city), recency: recencyKey(updatedAt) };
}
