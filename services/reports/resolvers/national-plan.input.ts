import { IsInt, IsOptional, IsUrl, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GUIDELINE_COUNT, IsGuidelineNumbers } from '../../kit/guidelines';
import { MAX_TITLE_LENGTH, MAX_URL_LENGTH, MIN_NAME_LENGTH } from '../../kit/input-limits';
import { HTTP_URL, IsMemberState, NOT_BLANK } from '../../kit/validation';

export const FIRST_PLAN_YEAR = 1990;
export const LAST_PLAN_YEAR = 2100;
const YEARS = `must be a year from ${FIRST_PLAN_YEAR} to ${LAST_PLAN_YEAR}`;

@InputType({ description: 'A national action plan to record, or (with id) the new state of one recorded.' })
export class NationalPlanInput {
  @Field(() => ID, { nullable: true, description: 'The id of a recorded plan, to change it; left out, a new plan is recorded.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a national plan (UUID)' })
  id?: string | null;

  @Field(() => ID, { description: 'ISO code of its Member State, any case.' })
  @IsMemberState({ message: 'must be the ISO code of an OAS Member State, e.g. GT' })
  country: string;

  @Field(() => String, { description: `Its title, ${MIN_NAME_LENGTH} to ${MAX_TITLE_LENGTH} characters.` })
  @Length(MIN_NAME_LENGTH, MAX_TITLE_LENGTH, { message: `must be ${MIN_NAME_LENGTH} to ${MAX_TITLE_LENGTH} characters` })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  title: string;

  @Field(() => Int, { description: `The year it starts, ${FIRST_PLAN_YEAR} to ${LAST_PLAN_YEAR}.` })
  @IsInt({ message: YEARS })
  @Min(FIRST_PLAN_YEAR, { message: YEARS })
  @Max(LAST_PLAN_YEAR, { message: YEARS })
  startYear: number;

  @Field(() => Int, { description: 'The year it ends: startYear or later.' })
  @IsInt({ message: YEARS })
  @Min(FIRST_PLAN_YEAR, { message: YEARS })
  @Max(LAST_PLAN_YEAR, { message: YEARS })
  endYear: number;

  @Field(() => String, { nullable: true, description: `Where it can be read: an http(s) address, at most ${MAX_URL_LENGTH} characters.` })
  @IsOptional()
  @MaxLength(MAX_URL_LENGTH, { message: `must be at most ${MAX_URL_LENGTH} characters` })
  @IsUrl(HTTP_URL, { message: 'must be an http:// or https:// address' })
  url?: string | null;

  @Field(() => [Int], {
    nullable: true,
    description: `Numbers of the guidelines it addresses, 1 to ${GUIDELINE_COUNT}; repeats count once.`,
  })
  @IsOptional()
  @IsGuidelineNumbers()
  guidelines?: number[] | null;
}
