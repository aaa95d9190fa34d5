import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GUIDELINE_COUNT, IsGuidelineNumbers } from '../../kit/guidelines';
import { formatCount, MAX_MEMBER_STATES, MAX_TITLE_LENGTH, MIN_NAME_LENGTH } from '../../kit/input-limits';
import { IsMemberState, NOT_BLANK } from '../../kit/validation';
import { AgreementKind } from '../entities/agreement.entity';

/** Each party is a distinct Member State. */
export const MAX_PARTIES = MAX_MEMBER_STATES;
const MAX_SUMMARY_LENGTH = 5000;

@InputType({ description: 'A party to a new agreement: a Member State, and the authority acting for it if one is named.' })
export class AgreementPartyInput {
  @Field(() => ID, { description: 'ISO code of the Member State, any case (e.g. GT).' })
  @IsMemberState({ message: 'must be the ISO code of an OAS Member State, e.g. GT' })
  country: string;

  @Field(() => ID, { nullable: true, description: 'Id (UUID) of the national authority acting for the country.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a national authority id (UUID)' })
  authorityId?: string | null;
}

@InputType({
  description:
    'A new agreement. It is registered as a DRAFT, seen by the authorities of its parties and the Secretariat, until every party signs.',
})
export class AgreementInput {
  @Field(() => String, { description: `Title, ${MIN_NAME_LENGTH} to ${MAX_TITLE_LENGTH} characters, in its original language.` })
  @Length(MIN_NAME_LENGTH, MAX_TITLE_LENGTH, { message: `must be ${MIN_NAME_LENGTH} to ${MAX_TITLE_LENGTH} characters` })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  title: string;

  @Field(() => AgreementKind, { description: 'What kind of instrument it is.' })
  kind: AgreementKind;

  @Field(() => [AgreementPartyInput], {
    description: `The parties, in order: at least two distinct Member States (exactly two for BILATERAL), at most ${MAX_PARTIES}.`,
  })
  @ArrayMaxSize(MAX_PARTIES, { message: `must name at most ${MAX_PARTIES} parties` })
  @ValidateNested()
  parties: AgreementPartyInput[];

  @Field(() => String, {
    nullable: true,
    description: `What the parties commit to, at most ${formatCount(MAX_SUMMARY_LENGTH)} characters.`,
  })
  @IsOptional()
  @MaxLength(MAX_SUMMARY_LENGTH, { message: `must be at most ${formatCount(MAX_SUMMARY_LENGTH)} characters` })
  summary?: string | null;

  @Field(() => [Int], {
    nullable: true,
    description: `Numbers of the Work Plan guidelines it puts into practice, 1 to ${GUIDELINE_COUNT}; repeats count once.`,
  })
  @IsOptional()
  @IsGuidelineNumbers()
  guidelines?: number[] | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Only the SECRETARIAT, recording an agreement every party already signed: the date of the last signature ' +
      '(not in the future, not before 1990). Every party is recorded as signed on it, and the agreement starts SIGNED.',
  })
  signedOn?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Only the SECRETARIAT, with signedOn and not before it: when the agreement came or comes into force. It starts ' +
      'IN_FORCE when this date is past; a future date is recorded and the agreement stays SIGNED until moved to IN_FORCE.',
  })
  entryIntoForce?: Date | null;
}
