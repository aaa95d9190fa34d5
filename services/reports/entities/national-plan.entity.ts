import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** A national action plan against trafficking (mandate 17, objective 4); public. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A Member State's national action plan against trafficking in persons (mandate 17, objective 4)." })
@Entity('national_plans')
@Index('idx_national_plans_country', ['countryCode', 'startYear'])
export class NationalPlan {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Field(() => String, { description: 'Its title, in the language of the plan.' })
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field(() => Int, { description: 'The year it starts.' })
  @Column({ name: 'start_year', type: 'int' })
  startYear: number;

  @Field(() => Int, { description: 'The year it ends.' })
  @Column({ name: 'end_year', type: 'int' })
  endYear: number;

  @Field(() => String, { nullable: true, description: 'Where it can be read: an http(s) address.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  /** The numbers of the guidelines it addresses, ascending; in the API as NationalPlanResolver.guidelines. */
  @Column({ name: 'guideline_numbers', type: 'simple-json' })
  guidelineNumbers: number[];

  @Field(() => Date, { description: 'When it was recorded or last changed.' })
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Field(() => Boolean, { description: 'True for the fictional demo plans that ship with Enlace.' })
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;
}
