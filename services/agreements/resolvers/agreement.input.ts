import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsMemberState } from '../../kit/validation';
import { AgreementKind } from '../entities/agreement.entity';

export const GUIDELINE_COUNT = 67;
export const MAX_PARTIES = 35;

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

@InputType({ description: 'A new agreement. It is registered as a DRAFT, seen by the authorities of its parties and the Secretariat.' })
export class AgreementInput {
  @Field(() => String, { description: 'Title, 2 to 300 characters, in its original language.' })
  @Length(2, 300, { message: 'must be 2 to 300 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  title: string;

  @Field(() => AgreementKind, { description: 'What kind of instrument it is.' })
  kind: AgreementKind;

  @Field(() => [AgreementPartyInput], {
    description: `The parties, in order: at least two distinct Member States (exactly two for BILATERAL), at most ${MAX_PARTIES}.`,
  })
  @ArrayMaxSize(MAX_PARTIES, { message: `must name at most ${MAX_PARTIES} parties` })
  @ValidateNested()
  parties: AgreementPartyInput[];

  @Field(() => String, { nullable: true, description: 'What the parties commit to, at most 5,000 characters.' })
  @IsOptional()
  @MaxLength(5000, { message: 'must be at most 5,000 characters' })
  summary?: string | null;

  @Field(() => [Int], { nullable: true, description: `Numbers of the Work Plan guidelines it puts into practice, 1 to ${GUIDELINE_COUNT}; repeats count once.` })
  @IsOptional()
  @ArrayMaxSize(GUIDELINE_COUNT, { message: `must name at most ${GUIDELINE_COUNT} guidelines` })
  @IsInt({ each: true, message: `must be guideline numbers, 1 to ${GUIDELINE_COUNT}` })
  @Min(1, { each: true, message: `must be guideline numbers, 1 to ${GUIDELINE_COUNT}` })
  @Max(GUIDELINE_COUNT, { each: true, message: `must be guideline numbers, 1 to ${GUIDELINE_COUNT}` })
  guidelines?: number[] | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the last party signed it, if it already was (not in the future). The agreement still starts as a DRAFT.',
  })
  signedOn?: Date | null;
}
