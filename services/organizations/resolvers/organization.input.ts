import { ArrayMaxSize, IsOptional, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_EMAIL_LENGTH, MAX_MEMBER_STATES, MAX_NAME_LENGTH, MAX_URL_LENGTH, MIN_NAME_LENGTH } from '../../kit/input-limits';
import { IsInternationalPhone } from '../../kit/phone';
import { HTTP_URL, IsEmailAddress, IsMemberState, NOT_BLANK } from '../../kit/validation';
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

const NAME = `Name, ${MIN_NAME_LENGTH} to ${LIMITS.name} characters, stored trimmed; unique in its country, ignoring case, accents and spacing.`;
const SERVED = `ISO codes of the Member States it works in, at most ${MAX_MEMBER_STATES}; its own country is always included.`;
const DESCRIPTION = `What the organization does, at most ${LIMITS.description} characters.`;
const WEBSITE = 'Public website, an http(s) URL.';
const EMAIL = 'Public contact e-mail.';
const PHONE = 'Public contact phone in international format, e.g. +502 2222 3333; stored as +50222223333.';
const WEBSITE_MESSAGE = 'website must be an http or https URL, e.g. https://example.org';
const EMAIL_MESSAGE = 'email must be an e-mail address, e.g. contacto@example.org';

/** The public contact fields of an organization, the same on registration and update; null clears one. */
@InputType({ description: "An organization's public contact fields (this input itself is in no schema)." })
class OrganizationContactInput {
  @Field(() => String, { nullable: true, description: DESCRIPTION })
  @IsOptional()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => String, { nullable: true, description: WEBSITE })
  @IsOptional()
  @MaxLength(LIMITS.url)
  @IsUrl(HTTP_URL, { message: WEBSITE_MESSAGE })
  website?: string | null;

  @Field(() => String, { nullable: true, description: EMAIL })
  @IsOptional()
  @MaxLength(LIMITS.email)
  @IsEmailAddress({ message: EMAIL_MESSAGE })
  email?: string | null;

  @Field(() => String, { nullable: true, description: PHONE })
  @IsOptional()
  @MaxLength(LIMITS.phone)
  @IsInternationalPhone()
  phone?: string | null;
}

@InputType({ description: 'A civil-society organization to register; it starts PENDING until the Secretariat verifies it.' })
export class OrganizationInput extends OrganizationContactInput {
  @Field(() => String, { description: NAME })
  @Length(MIN_NAME_LENGTH, LIMITS.name)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;

  @Field(() => OrganizationKind, { description: 'What kind of body it is.' })
  kind: OrganizationKind;

  @Field(() => ID, { description: 'ISO code of the Member State it is based in (any case).' })
  @IsMemberState()
  country: string;

  @Field(() => [ID], { nullable: true, description: SERVED })
  @IsOptional()
  @ArrayMaxSize(MAX_MEMBER_STATES)
  @IsMemberState()
  countriesServed?: string[] | null;
}

@InputType({ description: 'Changes to an organization: a field left out stays as it is; null clears a nullable one.' })
export class OrganizationUpdateInput extends OrganizationContactInput {
  @Field(() => String, { nullable: true, description: `${NAME} Cannot be cleared.` })
  @IsOptional()
  @Length(MIN_NAME_LENGTH, LIMITS.name)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: 'What kind of body it is. Cannot be cleared.' })
  kind?: OrganizationKind | null;

  @Field(() => [ID], { nullable: true, description: `${SERVED} Replaces the list; [] leaves its own country only; cannot be null.` })
  @IsOptional()
  @ArrayMaxSize(MAX_MEMBER_STATES)
  @IsMemberState()
  countriesServed?: string[] | null;
}
