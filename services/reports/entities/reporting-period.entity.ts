import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/** A period the Member States report on (e.g. the biennium 2015-2016); created by the Secretariat. */
@ObjectType({ description: 'A period the Member States report on the Annex I indicators for, e.g. the biennium 2015-2016.' })
@Entity('reporting_periods')
export class ReportingPeriod {
  @Field(() => ID, { description: 'Letters, digits and dashes, e.g. "2015-2016".' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Field(() => String, { description: 'Its name, e.g. "Bienio 2015-2016".' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => Date, { description: 'Its first day.' })
  @Column({ name: 'starts_on', type: 'datetime' })
  startsOn: Date;

  @Field(() => Date, { description: 'Its last day.' })
  @Column({ name: 'ends_on', type: 'datetime' })
  endsOn: Date;

  @Field(() => Date, { nullable: true, description: 'When the country reports are due, if set.' })
  @Column({ name: 'due_on', type: 'datetime', nullable: true })
  dueOn: Date | null;

  @Field(() => Boolean, { description: 'True for the fictional demo data that ships with Enlace.' })
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;
}
