import { ArrayMaxSize, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Population } from '../../kit/enums';
import { MAX_POPULATIONS, MIN_NAME_LENGTH } from '../../kit/input-limits';
import { IsLanguageCodes, IsMemberState, NOT_BLANK } from '../../kit/validation';
import { IsInternationalPhone } from '../../kit/phone';
import { ServiceCoverage, ServiceType } from '../entities/service.entity';
import { ShelterKind } from '../entities/shelter.entity';
import { LIMITS } from './organization.input';

export const MAX_CAPACITY = 10000;
export const MAX_AGE = 120;
export const MAX_LANGUAGES = 50;

/** The optional details of a shelter, the same in ShelterInput and ShelterUpdateInput; null clears one. */
@InputType({ description: "A shelter's optional details (this input itself is in no schema)." })
class ShelterDetailsInput {
  @Field(() => Int, { nullable: true, description: `Youngest age taken in, 0 to ${MAX_AGE}; at most maxAge.` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AGE)
  minAge?: number | null;

  @Field(() => Int, { nullable: true, description: `Oldest age taken in, 0 to ${MAX_AGE}.` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AGE)
  maxAge?: number | null;

  @Field(() => String, { nullable: true, description: `CONFIDENTIAL street address, at most ${LIMITS.address} characters.` })
  @IsOptional()
  @MaxLength(LIMITS.address)
  address?: string | null;
}

@InputType({ description: 'The details of a shelter; a SHELTER service has them, no other does.' })
export class ShelterInput extends ShelterDetailsInput {
  @Field(() => ShelterKind, { description: 'How long it houses people.' })
  kind: ShelterKind;

  @Field(() => Int, { description: `Number of beds, 1 to ${MAX_CAPACITY}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity: number;

  @Field(() => Int, { nullable: true, description: 'CONFIDENTIAL beds free now, 0 to capacity.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  availableBeds?: number | null;
}

/**
 * The fields a service has whether it is being added or changed; every one optional here, so that an
 * update changes only what it gives (null or absent: unchanged).
 */
@InputType()
abstract class ServiceFields {
  @Field(() => String, {
    nullable: true,
    description: `What the service does and how to reach it, at most ${LIMITS.description} characters.`,
  })
  @IsOptional()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => String, { nullable: true, description: `City or locality, at most ${LIMITS.city} characters.` })
  @IsOptional()
  @MaxLength(LIMITS.city)
  city?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `Languages it is offered in: ISO 639-3 codes in lower case (e.g. spa, quc, hat), at most ${MAX_LANGUAGES}.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_LANGUAGES)
  @IsLanguageCodes()
  languages?: string[] | null;

  @Field(() => [Population], { nullable: true, description: `The people it is meant for, at most ${MAX_POPULATIONS}.` })
  @IsOptional()
  @ArrayMaxSize(MAX_POPULATIONS)
  populations?: Population[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True when it costs nothing to the person served (default true).' })
  free?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Contact phone in international format (+ and the country calling code), e.g. +502 2222 3333; stored as +50222223333.',
  })
  @IsOptional()
  @MaxLength(LIMITS.phone)
  @IsInternationalPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true, description: `Opening hours, e.g. "24/7", at most ${LIMITS.hours} characters.` })
  @IsOptional()
  @MaxLength(LIMITS.hours)
  hours?: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude, -90 to 90; give longitude with it.' })
  @IsOptional()
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude, -180 to 180; give latitude with it.' })
  @IsOptional()
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @Field(() => ServiceCoverage, { nullable: true, description: 'Where people can use it (default LOCAL).' })
  coverage?: ServiceCoverage | null;

  @Field(() => ShelterInput, {
    nullable: true,
    description:
      'The shelter details: required for type SHELTER, refused for any other. On an update it replaces them whole: use shelterUpdate.',
  })
  @IsOptional()
  @ValidateNested()
  shelter?: ShelterInput | null;
}

@InputType({
  description: 'Changes to the details of a shelter: only the fields given change; the address stays unless given (null clears it).',
})
export class ShelterUpdateInput extends ShelterDetailsInput {
  @Field(() => ShelterKind, { nullable: true, description: 'How long it houses people; cannot be cleared.' })
  kind?: ShelterKind | null;

  @Field(() => Int, { nullable: true, description: `Number of beds, 1 to ${MAX_CAPACITY}; cannot be cleared.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number | null;

  @Field(() => Int, { nullable: true, description: 'CONFIDENTIAL beds free now, 0 to capacity (setAvailableBeds changes only these).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  availableBeds?: number | null;
}

@InputType({ description: 'A service to add to an organization.' })
export class ServiceInput extends ServiceFields {
  @Field(() => ID, { description: 'The organization that offers it: one the caller is a member of (or any, for the Secretariat).' })
  @MaxLength(LIMITS.id)
  organizationId: string;

  @Field(() => String, { description: `Name, ${MIN_NAME_LENGTH} to ${LIMITS.name} characters, stored as given.` })
  @Length(MIN_NAME_LENGTH, LIMITS.name)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;

  @Field(() => ServiceType, { description: 'What the service offers; it cannot change later.' })
  type: ServiceType;

  @Field(() => ID, { description: 'ISO code of the Member State where it is offered (any case).' })
  @IsMemberState()
  country: string;
}

@InputType({
  description:
    'Changes to a service: a field left out stays as it is, null clears a nullable one (name, free, languages, populations, coverage cannot be cleared).',
})
export class ServiceUpdateInput extends ServiceFields {
  @Field(() => ShelterUpdateInput, {
    nullable: true,
    description: 'Changes only the shelter fields given; the address stays unless given. Not with shelter. What clients should use.',
  })
  @IsOptional()
  @ValidateNested()
  shelterUpdate?: ShelterUpdateInput | null;

  @Field(() => String, { nullable: true, description: `New name, ${MIN_NAME_LENGTH} to ${LIMITS.name} characters.` })
  @IsOptional()
  @Length(MIN_NAME_LENGTH, LIMITS.name)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string | null;
}
