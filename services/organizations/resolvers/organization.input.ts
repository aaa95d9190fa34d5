import { ArrayMaxSize, IsEmail, IsOptional, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsMemberState } from '../../kit/validation';
import { OrganizationKind } from '../entities/organization.entity';

/** Limits shared by the inputs of this subgraph (the columns are at least as wide). */
export const LIMITS = {
  name: 200,
  description: 5000,
  url: 500,
  email: 254,
  phone: 100,
  hours: 100,
  city: 200,
  address: 500,
  id: 36,
} as const;

/** http(s) only: no javascript:, data: or file: link ever reaches a page that shows it. */
export const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true };

/** A visible character somewhere: a name of spaces only is no name. */
export const NOT_BLANK = /\S/;

@InputType({ description: 'A civil-society organization to register; it starts PENDING until the Secretariat verifies it.' })
export class OrganizationInput {
  @Field(() => String, { description: `Name, 2 to ${LIMITS.name} characters, stored as given.` })
  @Length(2, LIMITS.name)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;

  @Field(() => OrganizationKind, { description: 'What kind of body it is.' })
  kind: OrganizationKind;

  @Field(() => ID, { description: 'ISO code of the Member State it is based in (any case).' })
  @IsMemberState()
  country: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'ISO codes of the Member States it works in, at most 35; its own country is always included.',
  })
  @IsOptional()
  @ArrayMaxSize(35)
  @IsMemberState()
  countriesServed?: string[] | null;

  @Field(() => String, { nullable: true, description: `What the organization does, at most ${LIMITS.description} characters.` })
  @IsOptional()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Public website, an http(s) URL.' })
  @IsOptional()
  @MaxLength(LIMITS.url)
  @IsUrl(HTTP_URL, { message: 'website must be an http or https URL, e.g. https://example.org' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact e-mail.' })
  @IsOptional()
  @MaxLength(LIMITS.email)
  @IsEmail({}, { message: 'email must be an e-mail address, e.g. contacto@example.org' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: `Public contact phone, international format, at most ${LIMITS.phone} characters.` })
  @IsOptional()
  @MaxLength(LIMITS.phone)
  phone?: string | null;
}
