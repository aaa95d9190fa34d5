import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ChangeEntry, type ChangeRow } from '../../kit/change-log';

/** What happened to an organization or one of its services. */
export enum OrganizationChangeKind {
  REGISTERED = 'REGISTERED',
  UPDATED = 'UPDATED',
  VERIFICATION_CHANGED = 'VERIFICATION_CHANGED',
  MEMBER_ADDED = 'MEMBER_ADDED',
  MEMBER_REMOVED = 'MEMBER_REMOVED',
  SERVICE_ADDED = 'SERVICE_ADDED',
  SERVICE_UPDATED = 'SERVICE_UPDATED',
  SERVICE_ARCHIVED = 'SERVICE_ARCHIVED',
  SERVICE_RESTORED = 'SERVICE_RESTORED',
  BEDS_CHANGED = 'BEDS_CHANGED',
}
registerEnumType(OrganizationChangeKind, {
  name: 'OrganizationChangeKind',
  description: 'What happened to an organization or one of its services.',
  valuesConfig: {
    REGISTERED: { description: 'It was registered (PENDING); its registrant became its first member.' },
    UPDATED: { description: 'Some of its profile fields changed.' },
    VERIFICATION_CHANGED: { description: 'The Secretariat changed its verification status.' },
    MEMBER_ADDED: { description: 'A user became a member (field `member`: the user id).' },
    MEMBER_REMOVED: { description: 'A member left or was removed (field `member`: the user id).' },
    SERVICE_ADDED: { description: 'One of its services was added.' },
    SERVICE_UPDATED: { description: "Some of a service's fields changed (a shelter's confidential ones shown as `(changed)`)." },
    SERVICE_ARCHIVED: { description: 'A service was archived: it left every public list.' },
    SERVICE_RESTORED: { description: 'An archived service was restored.' },
    BEDS_CHANGED: { description: "A shelter's free beds changed (setAvailableBeds)." },
  },
});

/**
 * One entry of the civil-society network's history (kit/change-log.ts): written in the same transaction as
 * the change it records, never updated or deleted, with no foreign key.
 */
@ObjectType({ description: 'A change to an organization or one of its services: who made it, when, and the fields it changed.' })
@Entity('organization_changes')
@Index('idx_organization_changes_organization_recency', ['organizationId', 'recency'])
@Index('idx_organization_changes_service_recency', ['serviceId', 'recency'])
@Index('idx_organization_changes_country_recency', ['countryCode', 'recency'])
@Index('idx_organization_changes_recency', ['recency'])
export class OrganizationChange extends ChangeEntry implements ChangeRow {
  @Field(() => OrganizationChangeKind, { description: 'What happened.' })
  @Column({ type: 'varchar', length: 24 })
  kind: OrganizationChangeKind;

  @Field(() => ID, { description: 'The organization changed, or whose service changed.' })
  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @Field(() => ID, { nullable: true, description: 'The service changed; null for a change of the organization itself.' })
  @Column({ name: 'service_id', type: 'varchar', length: 36, nullable: true })
  serviceId: string | null;

  @Field(() => ID, { description: "ISO code of the organization's country." })
  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;
}
