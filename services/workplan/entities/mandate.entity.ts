import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A mandate of the Work Plan to the OAS General Secretariat.' })
@Entity('mandates')
export class Mandate {
  /** The number as a string, under the name a client's normalized cache keys objects by (Apollo Client, urql graphcache). */
  @Field(() => ID, { description: 'The number, as a string: the identity a client cache keys the mandate by.' })
  id(): string {
    return String(this.number);
  }

  @Field(() => Int, { description: 'Number of the mandate, 1-17.' })
  @PrimaryColumn({ type: 'int' })
  number: number;

  @Field(() => String, { description: 'The original Spanish text, verbatim.' })
  @Column({ type: 'text' })
  text: string;
}
