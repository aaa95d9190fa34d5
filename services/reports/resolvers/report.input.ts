import { ArrayMaxSize, IsOptional, IsUrl, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { formatCount, MIN_NAME_LENGTH, MAX_NAME_LENGTH } from '../../kit/input-limits';
import { HTTP_URL, NOT_BLANK } from '../../kit/validation';
import { MAX_ENTRY_LINKS } from '../../platform/limits';
import { Progress } from '../entities/indicator-entry.entity';

export const MAX_NARRATIVE_LENGTH = 5000;
export const MAX_EVIDENCE_LINKS = 20;
export const MAX_EVIDENCE_URL_LENGTH = 2000;
export const MAX_PERIOD_ID_LENGTH = 40;
export const PERIOD_ID = /^[A-Za-z0-9-]+$/;

@InputType({ description: 'A new reporting period.' })
export class ReportingPeriodInput {
  @Field(() => ID, { description: `Letters, digits and dashes, 1 to ${MAX_PERIOD_ID_LENGTH} characters, e.g. "2019-2020".` })
  @Length(1, MAX_PERIOD_ID_LENGTH, { message: `must be 1 to ${MAX_PERIOD_ID_LENGTH} characters` })
  @Matches(PERIOD_ID, { message: 'must be letters, digits and dashes only, e.g. 2019-2020' })
  id: string;

  @Field(() => String, { description: `Its name, ${MIN_NAME_LENGTH} to ${MAX_NAME_LENGTH} characters.` })
  @Length(MIN_NAME_LENGTH, MAX_NAME_LENGTH, { message: `must be ${MIN_NAME_LENGTH} to ${MAX_NAME_LENGTH} characters` })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  name: string;

  @Field(() => Date, { description: 'Its first day.' })
  startsOn: Date;

  @Field(() => Date, { description: 'Its last day, after startsOn.' })
  endsOn: Date;

  @Field(() => Date, { nullable: true, description: 'When the reports are due, if set: not before startsOn.' })
  dueOn?: Date | null;
}

@InputType({ description: "One indicator's entry of a country report; saving it again replaces it." })
export class IndicatorEntryInput {
  @Field(() => ID, { description: 'The id of an Annex I indicator, e.g. "51-a".' })
  @MaxLength(10, { message: 'must be the id of an Annex I indicator, e.g. 51-a' })
  indicatorId: string;

  @Field(() => Progress, { description: 'How far the country has come.' })
  progress: Progress;

  @Field(() => String, { nullable: true, description: `What was done, at most ${formatCount(MAX_NARRATIVE_LENGTH)} characters.` })
  @IsOptional()
  @MaxLength(MAX_NARRATIVE_LENGTH, { message: `must be at most ${formatCount(MAX_NARRATIVE_LENGTH)} characters` })
  narrative?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `http(s) links to laws, plans, reports: at most ${MAX_EVIDENCE_LINKS}, each at most ${formatCount(MAX_EVIDENCE_URL_LENGTH)} characters.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_EVIDENCE_LINKS, { message: `must hold at most ${MAX_EVIDENCE_LINKS} links` })
  @MaxLength(MAX_EVIDENCE_URL_LENGTH, {
    each: true,
    message: `must be links of at most ${formatCount(MAX_EVIDENCE_URL_LENGTH)} characters`,
  })
  @IsUrl(HTTP_URL, { each: true, message: 'must be http:// or https:// addresses' })
  evidence?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Ids of practices the writer may see, at most ${MAX_ENTRY_LINKS}.` })
  @IsOptional()
  @ArrayMaxSize(MAX_ENTRY_LINKS, { message: `must name at most ${MAX_ENTRY_LINKS} practices` })
  @IsUUID('all', { each: true, message: 'must be practice ids (UUIDs)' })
  practiceIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Ids of agreements the writer may see, at most ${MAX_ENTRY_LINKS}.` })
  @IsOptional()
  @ArrayMaxSize(MAX_ENTRY_LINKS, { message: `must name at most ${MAX_ENTRY_LINKS} agreements` })
  @IsUUID('all', { each: true, message: 'must be agreement ids (UUIDs)' })
  agreementIds?: string[] | null;
}
