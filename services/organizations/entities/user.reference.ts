import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** User is owned by the accounts subgraph: only its key is declared here (see UserOrganizationResolver). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person who signs in to Enlace.' })
export class User {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id: string;
}
