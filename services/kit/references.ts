import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { GUIDELINE_COUNT } from './guidelines';

/*
 * The entities a subgraph refers to but does not own: only their key is declared, so that the subgraph can
 * return `{ code }` or `{ id }` references and add fields of its own with a resolver of the type
 * (`@Resolver(() => Country)`). Declared here once, with the descriptions of the owner's type; each
 * subgraph makes its own classes of them once, in services/<name>/entities/references.ts.
 *
 * Why not one class for every subgraph: type-graphql (2.0) adds the fields of a type's field resolvers to
 * the type's metadata, which all builds of the process share, so a class extended by one subgraph would
 * carry those fields into the schema of every subgraph built after it (npm run schema builds all seven).
 */

/** A stub class whose values are written as just their key (`{ code }`): the fields computed from it fill in. */
type KeyedBy<T, K extends keyof T> = new () => Pick<T, K>;

export function countryStub() {
  /** Owned by the authorities subgraph. */
  @Directive('@key(fields: "code")')
  @ObjectType({ description: 'A Member State of the OAS.' })
  class Country {
    @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code, upper case (e.g. GT).' })
    code: string;

    /** Served from the key, so that a client's cache identity never waits on the owner (partial answers). */
    @Directive('@shareable')
    @Field(() => ID, { description: 'The same as code: the identity a client cache keys the country by.' })
    id(): string {
      return this.code;
    }
  }
  return Country as KeyedBy<Country, 'code'>;
}

export function nationalAuthorityStub() {
  /** Owned by the authorities subgraph. */
  @Directive('@key(fields: "id")')
  @ObjectType({ description: 'A national authority of a Member State with a role against trafficking in persons (mandates 9, 10).' })
  class NationalAuthority {
    @Field(() => ID, { description: 'Stable identifier (UUID).' })
    id: string;
  }
  return NationalAuthority;
}

export function guidelineStub() {
  /** Owned by the workplan subgraph. */
  @Directive('@key(fields: "number")')
  @ObjectType({ description: 'A guideline (lineamiento) of the II Work Plan to Combat Trafficking in Persons 2015-2018.' })
  class Guideline {
    @Field(() => Int, { description: `Number of the guideline in the plan, 1-${GUIDELINE_COUNT}.` })
    number: number;

    /** Served from the key, so that a client's cache identity never waits on the owner (partial answers). */
    @Directive('@shareable')
    @Field(() => ID, { description: 'The number, as a string: the identity a client cache keys the guideline by.' })
    id(): string {
      return String(this.number);
    }
  }
  return Guideline as KeyedBy<Guideline, 'number'>;
}

export function organizationStub() {
  /** Owned by the organizations subgraph. */
  @Directive('@key(fields: "id")')
  @ObjectType({ description: 'A civil-society organization of the network of institutions (mandate 17.3).' })
  class Organization {
    @Field(() => ID, { description: 'Stable identifier (UUID).' })
    id: string;
  }
  return Organization;
}

export function userStub() {
  /** Owned by the accounts subgraph. */
  @Directive('@key(fields: "id")')
  @ObjectType({ description: 'A person who signs in to Enlace.' })
  class User {
    @Field(() => ID, { description: 'Stable identifier (UUID).' })
    id: string;
  }
  return User;
}

export function indicatorStub() {
  /** Owned by the workplan subgraph. */
  @Directive('@key(fields: "id")')
  @ObjectType({ description: 'A result indicator of Annex I of the Work Plan, measuring one guideline.' })
  class Indicator {
    @Field(() => ID, { description: 'The guideline number and a letter, e.g. "51-a".' })
    id: string;
  }
  return Indicator;
}

export function practiceStub() {
  /** Owned by the practices subgraph. */
  @Directive('@key(fields: "id")')
  @ObjectType({ description: 'A best practice against trafficking in persons, shared between Member States (mandate 8, guideline 15).' })
  class Practice {
    @Field(() => ID, { description: 'Stable identifier (UUID).' })
    id: string;
  }
  return Practice;
}

export function agreementStub() {
  /** Owned by the agreements subgraph. */
  @Directive('@key(fields: "id")')
  @ObjectType({
    description: 'A cooperation agreement between Member States against trafficking in persons (guidelines 12, 29, 38, 41, 42, 57).',
  })
  class Agreement {
    @Field(() => ID, { description: 'Stable identifier (UUID).' })
    id: string;
  }
  return Agreement;
}
