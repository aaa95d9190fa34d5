import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A result indicator of Annex I of the Work Plan, measuring one guideline.' })
@Entity('indicators')
@Index('idx_indicators_guideline', ['guidelineNumber', 'position'])
export class Indicator {
  @Field(() => ID, { description: 'The guideline number and a letter, e.g. "51-a".' })
  @PrimaryColumn({ type: 'varchar', length: 10 })
  id: string;

  @Column({ name: 'guideline_number', type: 'int' })
  guidelineNumber: number;

  /** Order of the indicator within its guideline, as in Annex I. */
  @Column({ type: 'int' })
  position: number;

  @Field(() => String, { description: 'The original Spanish text, verbatim.' })
  @Column({ type: 'text' })
  text: string;
}
