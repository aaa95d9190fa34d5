import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Country is owned by the authorities subgraph: only its key is declared here, so that this subgraph
 * can return `{ code }` references and add the fields of CountryOrganizationsResolver.
 */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A Member State of the OAS.' })
export class Country {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code, upper case (e.g. GT).' })
  code: string;
}
