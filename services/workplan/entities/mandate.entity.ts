import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A mandate of the Work Plan to the OAS General Secretariat.' })
@Entity('mandates')
export class Mandate {
  @Field(() => Int, { description: 'Number of the mandate, 1-17.' })
  @PrimaryColumn({ type: 'int' })
  number: number;

  @Field(() => String, { description: 'The original Spanish text, verbatim.' })
  @Column({ type: 'text' })
  text: string;
}
