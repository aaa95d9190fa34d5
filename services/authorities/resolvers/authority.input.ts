import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsUrl, MaxLength, registerDecorator, ValidationOptions } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_URL_LENGTH, MIN_NAME_LENGTH } from '../../kit/input-limits';
import { HTTP_URL, IsEmailAddress, IsMemberState } from '../../kit/validation';
import { Competence } from '../entities/national-authority.entity';
import { IsInternationalPhone } from '../../kit/phone';

/** Limits of the authority inputs (the columns are at least as wide). */
export const LIMITS = {
  /** The name column is 300 wide: official names are long, but the house limit for a name holds. */
  name: MAX_NAME_LENGTH,
  acronym: 50,
  description: 2000,
  url: MAX_URL_LENGTH,
  email: MAX_EMAIL_LENGTH,
  /** As typed, spaces and all; stored in E.164 (at most 16 characters). */
  phone: 50,
  competences: Object.values(Competence).length,
} as const;

/** A text that, once trimmed (it is stored trimmed), has `min` to `max` characters; null passes (the write decides). */
function TrimmedLength(min: number, max: number, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'trimmedLength',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must have ${min} to ${max} characters once trimmed`, ...options },
      validator: {
        validate: (value: unknown) =>
          value == null || (typeof value === 'string' && value.trim().length >= min && value.trim().length <= max),
      },
    });
}

const NAME = `Official name, ${MIN_NAME_LENGTH} to ${LIMITS.name} characters, stored trimmed.`;
const ACRONYM = `Acronym, 1 to ${LIMITS.acronym} characters, stored trimmed.`;
const COMPETENCES = 'What the authority is competent for: at least one, each once.';
const DESCRIPTION = `Mandate and remit, at most ${LIMITS.description} characters.`;
const WEBSITE = `Public website, an http(s) URL of at most ${LIMITS.url} characters.`;
const EMAIL = 'Public contact e-mail.';
const PHONE = 'Public contact phone in international format, e.g. +502 2222 3333; stored as +50222223333.';

@InputType({ description: 'A national authority to add to the directory.' })
export class AuthorityInput {
  @Field(() => ID, { description: 'ISO code of its Member State (any case). An AUTHORITY adds only to its own country.' })
  @IsMemberState()
  country: string;

  @Field(() => String, { description: NAME })
  @TrimmedLength(MIN_NAME_LENGTH, LIMITS.name)
  name: string;

  @Field(() => String, { nullable: true, description: ACRONYM })
  @TrimmedLength(1, LIMITS.acronym)
  acronym?: string | null;

  @Field(() => [Competence], { description: COMPETENCES })
  @ArrayMinSize(1, { message: 'competences must name at least one competence' })
  @ArrayMaxSize(LIMITS.competences)
  @ArrayUnique(undefined, { message: 'competences must name each competence once' })
  competences: Competence[];

  @Field(() => String, { nullable: true, description: DESCRIPTION })
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => String, { nullable: true, description: WEBSITE })
  @MaxLength(LIMITS.url)
  @IsUrl(HTTP_URL, { message: 'website must be an http or https URL, e.g. https://example.org' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: EMAIL })
  @MaxLength(LIMITS.email)
  @IsEmailAddress()
  email?: string | null;

  @Field(() => String, { nullable: true, description: PHONE })
  @MaxLength(LIMITS.phone)
  @IsInternationalPhone()
  phone?: string | null;
}

@InputType({
  description:
    'Changes to a national authority: a field left out stays as it is, null clears a nullable one; name and competences cannot be cleared.',
})
export class AuthorityUpdateInput {
  @Field(() => String, { nullable: true, description: `${NAME} Cannot be null.` })
  @TrimmedLength(MIN_NAME_LENGTH, LIMITS.name)
  name?: string | null;

  @Field(() => String, { nullable: true, description: `${ACRONYM} null clears it.` })
  @TrimmedLength(1, LIMITS.acronym)
  acronym?: string | null;

  @Field(() => [Competence], { nullable: true, description: `${COMPETENCES} Cannot be null.` })
  @ArrayMinSize(1, { message: 'competences must name at least one competence' })
  @ArrayMaxSize(LIMITS.competences)
  @ArrayUnique(undefined, { message: 'competences must name each competence once' })
  competences?: Competence[] | null;

  @Field(() => String, { nullable: true, description: `${DESCRIPTION} null clears it.` })
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => String, { nullable: true, description: `${WEBSITE} null clears it.` })
  @MaxLength(LIMITS.url)
  @IsUrl(HTTP_URL, { message: 'website must be an http or https URL, e.g. https://example.org' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: `${EMAIL} null clears it.` })
  @MaxLength(LIMITS.email)
  @IsEmailAddress()
  email?: string | null;

  @Field(() => String, { nullable: true, description: `${PHONE} null clears it.` })
  @MaxLength(LIMITS.phone)
  @IsInternationalPhone()
  phone?: string | null;
}
