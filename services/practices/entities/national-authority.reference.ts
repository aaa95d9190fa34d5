import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by the authorities subgraph; this subgraph adds `practices`. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A national authority of a Member State with a role against trafficking in persons (mandates 9, 10).' })
export class NationalAuthority {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id: string;
}
