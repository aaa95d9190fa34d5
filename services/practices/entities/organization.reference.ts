import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by the organizations subgraph; this subgraph adds `practices`. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A civil-society organization of the network of institutions (mandate 17.3).' })
export class Organization {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id: string;
}
