import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A Member State of the OAS.' })
@Entity('countries')
export class Country {
  /** The code again, under the name a client's normalized cache keys objects by (Apollo Client, urql graphcache). */
  @Directive('@shareable')
  @Field(() => ID, { description: 'The same as code: the identity a client cache keys the country by.' })
  id(): string {
    return this.code;
  }

  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code, upper case (e.g. GT).' })
  @PrimaryColumn({ type: 'varchar', length: 2 })
  code: string;

  @Field(() => String, { description: 'English short name.' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { description: 'Spanish short name.' })
  @Column({ name: 'name_es', type: 'varchar', length: 100 })
  nameEs: string;
}

@ObjectType({ description: 'A name in the four official languages of the OAS.' })
export class LocalizedName {
  @Field({ description: 'Spanish.' })
  es: string;

  @Field({ description: 'English.' })
  en: string;

  @Field({ description: 'Portuguese.' })
  pt: string;

  @Field({ description: 'French.' })
  fr: string;
}
