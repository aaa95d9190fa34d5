import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A user (owned by accounts, stored here by id only) who belongs to an organization and may edit its
 * services. Written by registerOrganization; read for visibility (loaders), ownership (access.ts) and User.organizations.
 */
@Entity('memberships')
@Index('idx_memberships_organization', ['organizationId'])
export class Membership {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
