import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A country an organization serves: a join table, because organizations are filtered by it. */
@Entity('organization_countries')
@Index('idx_organization_countries_country', ['countryCode'])
export class OrganizationCountry {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @PrimaryColumn({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;
}
