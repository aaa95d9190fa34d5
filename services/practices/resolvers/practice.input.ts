import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Population } from '../../kit/enums';
import { IsLanguageCode, IsMemberState } from '../../kit/validation';
import { Pillar } from '../entities/practice.entity';

export const GUIDELINE_COUNT = 67;
export const FIRST_YEAR = 1900;
const MAX_LINKED = 20;

/** A year from 1900 to next year, against the clock of each request (not of the start of the process). */
function IsPracticeYear(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isPracticeYear',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && value >= FIRST_YEAR && value <= new Date().getUTCFullYear() + 1,
        defaultMessage: () => `must be a year from ${FIRST_YEAR} to ${new Date().getUTCFullYear() + 1}`,
      },
    },
    options,
  );
}

@InputType({ description: 'A practice submitted for review: it stays SUBMITTED, read by its submitter and the Secretariat, until published.' })
export class PracticeInput {
  @Field(() => String, { description: 'Title, 2 to 300 characters, in the language of the text.' })
  @Length(2, 300, { message: 'must be 2 to 300 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  title: string;

  @Field(() => String, { description: 'What was done and what came of it, 1 to 2,000 characters.' })
  @Length(1, 2000, { message: 'must be 1 to 2,000 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  summary: string;

  @Field(() => Pillar, { description: 'The pillar of the response the practice belongs to.' })
  pillar: Pillar;

  @Field(() => [ID], { description: 'ISO codes of the Member States where it took place: 1 to 35, any case.' })
  @ArrayMinSize(1, { message: 'must name at least one Member State' })
  @ArrayMaxSize(35, { message: 'must name at most 35 Member States' })
  @IsMemberState({ message: 'must be ISO codes of OAS Member States, e.g. GT' })
  countries: string[];

  @Field(() => String, { nullable: true, description: 'The full description, plain text, at most 20,000 characters.' })
  @IsOptional()
  @MaxLength(20000, { message: 'must be at most 20,000 characters' })
  body?: string | null;

  @Field(() => [Int], { nullable: true, description: `Numbers of the Work Plan guidelines it implements, 1 to ${GUIDELINE_COUNT}; repeats count once.` })
  @IsOptional()
  @ArrayMaxSize(GUIDELINE_COUNT, { message: `must name at most ${GUIDELINE_COUNT} guidelines` })
  @IsInt({ each: true, message: `must be guideline numbers, 1 to ${GUIDELINE_COUNT}` })
  @Min(1, { each: true, message: `must be guideline numbers, 1 to ${GUIDELINE_COUNT}` })
  @Max(GUIDELINE_COUNT, { each: true, message: `must be guideline numbers, 1 to ${GUIDELINE_COUNT}` })
  guidelines?: number[] | null;

  @Field(() => [Population], { nullable: true, description: 'The populations it is meant for; repeats count once.' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'must name at most 10 populations' })
  populations?: Population[] | null;

  @Field(() => [ID], { nullable: true, description: `Ids (UUIDs) of the organizations that carried it out, at most ${MAX_LINKED}.` })
  @IsOptional()
  @ArrayMaxSize(MAX_LINKED, { message: `must name at most ${MAX_LINKED} organizations` })
  @IsUUID('all', { each: true, message: 'must be organization ids (UUIDs)' })
  organizationIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Ids (UUIDs) of the national authorities that carried it out, at most ${MAX_LINKED}.` })
  @IsOptional()
  @ArrayMaxSize(MAX_LINKED, { message: `must name at most ${MAX_LINKED} authorities` })
  @IsUUID('all', { each: true, message: 'must be national authority ids (UUIDs)' })
  authorityIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: `The year it started, ${FIRST_YEAR} to next year.` })
  @IsOptional()
  @IsPracticeYear()
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-3 code of the language of the text, e.g. spa, por, fra, eng (default spa).' })
  @IsOptional()
  @IsLanguageCode()
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the original report can be read: an http(s) address, at most 500 characters.' })
  @IsOptional()
  @MaxLength(500, { message: 'must be at most 500 characters' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http:// or https:// address' })
  sourceUrl?: string | null;
}
