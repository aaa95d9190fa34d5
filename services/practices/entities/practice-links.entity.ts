import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Population } from '../../kit/enums';
import { Practice } from './practice.entity';

/*
 * One join table per list of a practice: composite primary key (practice, value) and an index on the
 * value (in the migration) for the filters and the reverse lookups (Country.practices, ...). The
 * `practice` relation lets a reverse lookup read the practices in the same statement.
 */

@Entity('practice_countries')
export class PracticeCountry {
  @PrimaryColumn({ name: 'practice_id', type: 'varchar', length: 36 })
  practiceId: string;

  @PrimaryColumn({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Practice;
}

@Entity('practice_guidelines')
export class PracticeGuideline {
  @PrimaryColumn({ name: 'practice_id', type: 'varchar', length: 36 })
  practiceId: string;

  @PrimaryColumn({ name: 'guideline_number', type: 'int' })
  guidelineNumber: number;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Practice;
}

@Entity('practice_populations')
export class PracticePopulation {
  @PrimaryColumn({ name: 'practice_id', type: 'varchar', length: 36 })
  practiceId: string;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  population: Population;
}

@Entity('practice_organizations')
export class PracticeOrganization {
  @PrimaryColumn({ name: 'practice_id', type: 'varchar', length: 36 })
  practiceId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Practice;
}

@Entity('practice_authorities')
export class PracticeAuthority {
  @PrimaryColumn({ name: 'practice_id', type: 'varchar', length: 36 })
  practiceId: string;

  @PrimaryColumn({ name: 'authority_id', type: 'varchar', length: 36 })
  authorityId: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Practice;
}
