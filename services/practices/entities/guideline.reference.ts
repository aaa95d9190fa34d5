import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** Owned by the workplan subgraph; this subgraph adds `practices`. */
@Directive('@key(fields: "number")')
@ObjectType({ description: 'A guideline (lineamiento) of the II Work Plan to Combat Trafficking in Persons 2015-2018.' })
export class Guideline {
  @Field(() => Int, { description: 'Number of the guideline in the plan, 1-67.' })
  number: number;
}
