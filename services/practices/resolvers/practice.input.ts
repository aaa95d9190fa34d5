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

/** Several property decorators as one, so that both inputs apply the same rules to a field. */
type FieldRule = (target: object, propertyName: string) => void;
const rules =
  (...decorators: FieldRule[]): FieldRule =>
  (target, propertyName) =>
    decorators.forEach((decorate) => decorate(target, propertyName));

/**
 * The rules of each field, the one copy both PracticeInput and PracticeUpdateInput apply: a practice
 * changed is checked as a practice submitted. A null or missing value is not checked here (the
 * subgraphs validate with skipMissingProperties): a required field left out or cleared is the write's to refuse.
 */
const RULES = {
  title: () =>
    rules(
      Length(MIN_NAME_LENGTH, MAX_TITLE_LENGTH, { message: `must be ${MIN_NAME_LENGTH} to ${MAX_TITLE_LENGTH} characters` }),
      Matches(NOT_BLANK, { message: 'must not be blank' }),
    ),
  summary: () =>
    rules(
      Length(1, MAX_SUMMARY_LENGTH, { message: `must be 1 to ${formatCount(MAX_SUMMARY_LENGTH)} characters` }),
      Matches(NOT_BLANK, { message: 'must not be blank' }),
    ),
  countries: () =>
    rules(
      ArrayMinSize(1, { message: 'must name at least one Member State' }),
      ArrayMaxSize(MAX_MEMBER_STATES, { message: `must name at most ${MAX_MEMBER_STATES} Member States` }),
      IsMemberState({ message: 'must be ISO codes of OAS Member States, e.g. GT' }),
    ),
  body: () => rules(IsOptional(), MaxLength(MAX_BODY_LENGTH, { message: `must be at most ${formatCount(MAX_BODY_LENGTH)} characters` })),
  guidelines: () => rules(IsOptional(), IsGuidelineNumbers()),
  populations: () => rules(IsOptional(), ArrayMaxSize(MAX_POPULATIONS, { message: `must name at most ${MAX_POPULATIONS} populations` })),
  organizationIds: () =>
    rules(
      IsOptional(),
      ArrayMaxSize(MAX_LINKED, { message: `must name at most ${MAX_LINKED} organizations` }),
      IsUUID('all', { each: true, message: 'must be organization ids (UUIDs)' }),
    ),
  authorityIds: () =>
    rules(
      IsOptional(),
      ArrayMaxSize(MAX_LINKED, { message: `must name at most ${MAX_LINKED} authorities` }),
      IsUUID('all', { each: true, message: 'must be national authority ids (UUIDs)' }),
    ),
  year: () => rules(IsOptional(), IsPracticeYear()),
  language: () => rules(IsOptional(), IsLanguageCode()),
  sourceUrl: () =>
    rules(
      IsOptional(),
      MaxLength(MAX_URL_LENGTH, { message: `must be at most ${MAX_URL_LENGTH} characters` }),
      IsUrl(HTTP_URL, { message: 'must be an http:// or https:// address' }),
    ),
};

const TEXT = {
  title: `Title, ${MIN_NAME_LENGTH} to ${MAX_TITLE_LENGTH} characters, in the language of the text.`,
  summary: `What was done and what came of it, 1 to ${formatCount(MAX_SUMMARY_LENGTH)} characters.`,
  pillar: 'The pillar of the response the practice belongs to.',
  countries: `ISO codes of the Member States where it took place: 1 to ${MAX_MEMBER_STATES}, any case.`,
  body: `The full description, plain text, at most ${formatCount(MAX_BODY_LENGTH)} characters.`,
  guidelines: `Numbers of the Work Plan guidelines it implements, 1 to ${GUIDELINE_COUNT}; repeats count once.`,
  populations: 'The populations it is meant for; repeats count once.',
  organizationIds: `Ids (UUIDs) of the organizations that carried it out, at most ${MAX_LINKED}.`,
  authorityIds: `Ids (UUIDs) of the national authorities that carried it out, at most ${MAX_LINKED}.`,
  year: `The year it started, ${FIRST_YEAR} to next year.`,
  language: 'ISO 639-3 code of the language of the text, e.g. spa, por, fra, eng',
  sourceUrl: `Where the original report can be read: an http(s) address, at most ${MAX_URL_LENGTH} characters.`,
};

@InputType({
  description: 'A practice submitted for review: it stays SUBMITTED, read by its submitter and the Secretariat, until published.',
})
export class PracticeInput {
  @Field(() => String, { description: TEXT.title })
  @RULES.title()
  title: string;

  @Field(() => String, { description: TEXT.summary })
  @RULES.summary()
  summary: string;

  @Field(() => Pillar, { description: TEXT.pillar })
  pillar: Pillar;

  @Field(() => [ID], { description: TEXT.countries })
  @RULES.countries()
  countries: string[];

  @Field(() => String, { nullable: true, description: TEXT.body })
  @RULES.body()
  body?: string | null;

  @Field(() => [Int], { nullable: true, description: TEXT.guidelines })
  @RULES.guidelines()
  guidelines?: number[] | null;

  @Field(() => [Population], { nullable: true, description: TEXT.populations })
  @RULES.populations()
  populations?: Population[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: `${TEXT.organizationIds} None from a member of an organization: their VERIFIED organizations.`,
  })
  @RULES.organizationIds()
  organizationIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: TEXT.authorityIds })
  @RULES.authorityIds()
  authorityIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: TEXT.year })
  @RULES.year()
  year?: number | null;

  @Field(() => String, { nullable: true, description: `${TEXT.language} (default spa).` })
  @RULES.language()
  language?: string | null;

  @Field(() => String, { nullable: true, description: TEXT.sourceUrl })
  @RULES.sourceUrl()
  sourceUrl?: string | null;
}

const KEEP = 'Left out, it stays.';
const REQUIRED = `${KEEP} Cannot be null.`;
const CLEARS = `${KEEP} null clears it.`;

@InputType({
  description:
    'Changes to a practice, checked as a submission is: a field left out stays as it is, null clears a nullable one ' +
    '(and empties a list); title, summary, pillar, countries and language cannot be cleared.',
})
export class PracticeUpdateInput {
  @Field(() => String, { nullable: true, description: `${TEXT.title} ${REQUIRED}` })
  @RULES.title()
  title?: string | null;

  @Field(() => String, { nullable: true, description: `${TEXT.summary} ${REQUIRED}` })
  @RULES.summary()
  summary?: string | null;

  @Field(() => Pillar, { nullable: true, description: `${TEXT.pillar} ${REQUIRED}` })
  pillar?: Pillar | null;

  @Field(() => [ID], { nullable: true, description: `${TEXT.countries} ${REQUIRED}` })
  @RULES.countries()
  countries?: string[] | null;

  @Field(() => String, { nullable: true, description: `${TEXT.body} ${CLEARS}` })
  @RULES.body()
  body?: string | null;

  @Field(() => [Int], { nullable: true, description: `${TEXT.guidelines} ${CLEARS}` })
  @RULES.guidelines()
  guidelines?: number[] | null;

  @Field(() => [Population], { nullable: true, description: `${TEXT.populations} ${CLEARS}` })
  @RULES.populations()
  populations?: Population[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: `${TEXT.organizationIds} The whole new list; an id not linked before must be one its subgraph shows the caller. ${CLEARS}`,
  })
  @RULES.organizationIds()
  organizationIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: `${TEXT.authorityIds} The whole new list; an id not linked before must be one its subgraph shows the caller. ${CLEARS}`,
  })
  @RULES.authorityIds()
  authorityIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: `${TEXT.year} ${CLEARS}` })
  @RULES.year()
  year?: number | null;

  @Field(() => String, { nullable: true, description: `${TEXT.language}. ${REQUIRED}` })
  @RULES.language()
  language?: string | null;

  @Field(() => String, { nullable: true, description: `${TEXT.sourceUrl} ${CLEARS}` })
  @RULES.sourceUrl()
  sourceUrl?: string | null;
}
