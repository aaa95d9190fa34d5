import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Population } from '../../kit/enums';
import { GUIDELINE_COUNT, IsGuidelineNumbers } from '../../kit/guidelines';
import { MAX_PRACTICE_LINKS } from '../../platform/limits';
import { formatCount, MAX_MEMBER_STATES, MAX_POPULATIONS, MAX_TITLE_LENGTH, MAX_URL_LENGTH, MIN_NAME_LENGTH } from '../../kit/input-limits';
import { HTTP_URL, IsLanguageCode, IsMemberState, NOT_BLANK } from '../../kit/validation';
import { Pillar } from '../entities/practice.entity';

export const FIRST_YEAR = 1900;
const MAX_SUMMARY_LENGTH = 2000;
const MAX_BODY_LENGTH = 20000;
/** Organizations, and authorities, that carried a practice out: the cap Practice.organizations and .authorities are priced at. */
const MAX_LINKED = MAX_PRACTICE_LINKS;

/** A year from 1900 to next year, against the clock of each request (not of the start of the process). */
function IsPracticeYear(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isPracticeYear',
      validator: {
        validate: (value: unknown) => typeof value === 'number' && value >= FIRST_YEAR && value <= new Date().getUTCFullYear() + 1,
        defaultMessage: () => `must be a year from ${FIRST_YEAR} to ${new Date().getUTCFullYear() + 1}`,
      },
    },
    options,
  );
}

@InputType({
  description: 'A practice submitted for review: it stays SUBMITTED, read by its submitter and the Secretariat, until published.',
})
export class PracticeInput {
  @Field(() => String, { description: `Title, ${MIN_NAME_LENGTH} to ${MAX_TITLE_LENGTH} characters, in the language of the text.` })
  @Length(MIN_NAME_LENGTH, MAX_TITLE_LENGTH, { message: `must be ${MIN_NAME_LENGTH} to ${MAX_TITLE_LENGTH} characters` })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  title: string;

  @Field(() => String, { description: `What was done and what came of it, 1 to ${formatCount(MAX_SUMMARY_LENGTH)} characters.` })
  @Length(1, MAX_SUMMARY_LENGTH, { message: `must be 1 to ${formatCount(MAX_SUMMARY_LENGTH)} characters` })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  summary: string;

  @Field(() => Pillar, { description: 'The pillar of the response the practice belongs to.' })
  pillar: Pillar;

  @Field(() => [ID], { description: `ISO codes of the Member States where it took place: 1 to ${MAX_MEMBER_STATES}, any case.` })
  @ArrayMinSize(1, { message: 'must name at least one Member State' })
  @ArrayMaxSize(MAX_MEMBER_STATES, { message: `must name at most ${MAX_MEMBER_STATES} Member States` })
  @IsMemberState({ message: 'must be ISO codes of OAS Member States, e.g. GT' })
  countries: string[];

  @Field(() => String, {
    nullable: true,
    description: `The full description, plain text, at most ${formatCount(MAX_BODY_LENGTH)} characters.`,
  })
  @IsOptional()
  @MaxLength(MAX_BODY_LENGTH, { message: `must be at most ${formatCount(MAX_BODY_LENGTH)} characters` })
  body?: string | null;

  @Field(() => [Int], {
    nullable: true,
    description: `Numbers of the Work Plan guidelines it implements, 1 to ${GUIDELINE_COUNT}; repeats count once.`,
  })
  @IsOptional()
  @IsGuidelineNumbers()
  guidelines?: number[] | null;

  @Field(() => [Population], { nullable: true, description: 'The populations it is meant for; repeats count once.' })
  @IsOptional()
  @ArrayMaxSize(MAX_POPULATIONS, { message: `must name at most ${MAX_POPULATIONS} populations` })
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

  @Field(() => String, {
    nullable: true,
    description: 'ISO 639-3 code of the language of the text, e.g. spa, por, fra, eng (default spa).',
  })
  @IsOptional()
  @IsLanguageCode()
  language?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Where the original report can be read: an http(s) address, at most ${MAX_URL_LENGTH} characters.`,
  })
  @IsOptional()
  @MaxLength(MAX_URL_LENGTH, { message: `must be at most ${MAX_URL_LENGTH} characters` })
  @IsUrl(HTTP_URL, { message: 'must be an http:// or https:// address' })
  sourceUrl?: string | null;
}
