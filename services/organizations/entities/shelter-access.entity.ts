import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * One request in which an AUTHORITY read what is more precise than a shelter's public cell (its address,
 * free beds, exact position, or its exact distance in a near search): the access log the Secretariat audits. Append-only: the API inserts rows and never updates or deletes them.
 * Viewer, viewerCountry and service are fields of ShelterAccessResolver (references).
 */
@ObjectType({
  description: "A request in which an authority read a shelter's confidential address, free beds, exact position or exact distance.",
})
@Entity('shelter_access_log')
@Index('idx_shelter_access_log_recency', ['recency', 'id'])
@Index('idx_shelter_access_log_service', ['serviceId', 'recency', 'id'])
export class ShelterAccess {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'viewer_id', type: 'varchar', length: 36 })
  viewerId: string;

  /** The AUTHORITY's country at the time of the read, from its token. */
  @Column({ name: 'viewer_country', type: 'varchar', length: 2, nullable: true })
  viewerCountry: string | null;

  @Column({ name: 'service_id', type: 'varchar', length: 36 })
  serviceId: string;

  @Field(() => Date, { description: 'When the fields were read.' })
  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /**
   * The sort key of "newest first" (kit/change-log.ts recencyKey): the shared keyset pagination sorts
   * ascending on a column, and an inverted, zero-padded time sorts the same on SQLite and MySQL.
   */
  @Column({ type: 'varchar', length: 13 })
  recency: string;
}
