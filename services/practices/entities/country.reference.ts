import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by the authorities subgraph; this subgraph adds `practices`. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A Member State of the OAS.' })
export class Country {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code, upper case (e.g. GT).' })
  code: string;
}
