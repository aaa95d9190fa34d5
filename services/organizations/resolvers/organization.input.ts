import { ArrayMaxSize, IsEmail, IsOptional, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_EMAIL_LENGTH, MAX_MEMBER_STATES, MAX_NAME_LENGTH, MAX_URL_LENGTH, MIN_NAME_LENGTH } from '../../kit/input-limits';
import { HTTP_URL, IsMemberState, NOT_BLANK } from '../../kit/validation';
import { OrganizationKind } from '../entities/organization.entity';

/** Limits shared by the inputs of this subgraph (the columns are at least as wide). */
export const LIMITS = {
  name: MAX_NAME_LENGTH,
  description: 5000,
  url: MAX_URL_LENGTH,
  email: MAX_EMAIL_LENGTH,
  phone: 100,
  hours: 100,
  city: 200,
  address: 500,
  /** A UUID. */
  id: 36,
} as const;

@InputType({ description: 'A civil-society organization to register; it starts PENDING until the Secretariat verifies it.' })
export class OrganizationInput {
  @Field(() => String, { description: `Name, ${MIN_NAME_LENGTH} to ${LIMITS.name} characters, stored as given.` })
  @Length(MIN_NAME_LENGTH, LIMITS.name)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;

  @Field(() => OrganizationKind, { description: 'What kind of body it is.' })
  kind: OrganizationKind;

  @Field(() => ID, { description: 'ISO code of the Member State it is based in (any case).' })
  @IsMemberState()
  country: string;

  @Field(() => [ID], {
    nullable: true,
    description: `ISO codes of the Member States it works in, at most ${MAX_MEMBER_STATES}; its own country is always included.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_MEMBER_STATES)
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
