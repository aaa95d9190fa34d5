import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GUIDELINE_COUNT } from '../../kit/guidelines';

export enum GuidelineSection {
  GENERAL = 'GENERAL',
  PREVENTION = 'PREVENTION',
  PROSECUTION = 'PROSECUTION',
  PROTECTION = 'PROTECTION',
}
registerEnumType(GuidelineSection, {
  name: 'GuidelineSection',
  description: 'The chapter of the II Work Plan a guideline belongs to.',
  valuesConfig: {
    GENERAL: { description: 'II. Directrices generales (guidelines 1-17).' },
    PREVENTION: { description: 'III. Prevención (guidelines 18-34).' },
    PROSECUTION: { description: 'IV. Combate y sanción (guidelines 35-44).' },
    PROTECTION: { description: 'V. Asistencia y protección de víctimas (guidelines 45-67).' },
  },
});

@Directive('@key(fields: "number")')
@ObjectType({ description: 'A guideline (lineamiento) of the II Work Plan to Combat Trafficking in Persons 2015-2018.' })
@Entity('guidelines')
export class Guideline {
  /** The number as a string, under the name a client's normalized cache keys objects by (Apollo Client, urql graphcache). */
  @Directive('@shareable')
  @Field(() => ID, { description: 'The number, as a string: the identity a client cache keys the guideline by.' })
  id(): string {
    return String(this.number);
  }

  @Field(() => Int, { description: `Number of the guideline in the plan, 1-${GUIDELINE_COUNT}.` })
  @PrimaryColumn({ type: 'int' })
  number: number;

  @Field(() => GuidelineSection, { description: 'The chapter of the plan the guideline belongs to.' })
  @Index('idx_guidelines_section')
  @Column({ type: 'varchar', length: 20 })
  section: GuidelineSection;

  @Field(() => String, { description: 'The original Spanish text, verbatim.' })
  @Column({ type: 'text' })
  text: string;
}
