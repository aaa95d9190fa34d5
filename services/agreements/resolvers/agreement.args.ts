import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, PageArgs } from '../../kit/pagination';
import { GUIDELINE_COUNT } from '../../kit/guidelines';
import { Agreement, AgreementKind, AgreementStatus } from '../entities/agreement.entity';

export enum AgreementOrder {
  TITLE = 'TITLE',
  NEWEST = 'NEWEST',
}
registerEnumType(AgreementOrder, {
  name: 'AgreementOrder',
  description: 'The order of a list of agreements.',
  valuesConfig: {
    TITLE: { description: 'By title (the default).' },
    NEWEST: { description: 'Most recent change first: creation, a signature or a change of status.' },
  },
});

@InputType({ description: 'Narrows the register of agreements.' })
export class AgreementFilter {
  @Field(() => ID, { nullable: true, description: 'ISO code of a country that is party to the agreement.' })
  country?: string | null;

  @Field(() => AgreementKind, { nullable: true, description: 'Agreements of this kind.' })
  kind?: AgreementKind | null;

  @Field(() => AgreementStatus, { nullable: true, description: 'Agreements in this status (drafts only for those who may see them).' })
  status?: AgreementStatus | null;

  @Field(() => Int, { nullable: true, description: `Agreements that serve this Work Plan guideline, 1 to ${GUIDELINE_COUNT}.` })
  guideline?: number | null;

  @Field(() => AgreementOrder, { nullable: true, description: 'The order of the list; TITLE when absent.' })
  orderBy?: AgreementOrder | null;
}

@ArgsType()
export class AgreementsArgs extends PageArgs {
  @Field(() => AgreementFilter, { nullable: true, description: 'All given criteria must match.' })
  filter?: AgreementFilter | null;
}

@ArgsType()
export class SetAgreementStatusArgs {
  @Field(() => ID, { description: 'The id of the agreement (UUID).' })
  id: string;

  @Field(() => AgreementStatus, { description: 'The new status; see setAgreementStatus for the changes allowed.' })
  status: AgreementStatus;
}

@ArgsType()
export class SignAgreementArgs {
  @Field(() => ID, { description: 'The id of the agreement (UUID), a DRAFT.' })
  id: string;

  @Field(() => ID, { description: 'ISO code of the party country that signs (any case).' })
  country: string;

  @Field(() => Date, { nullable: true, description: 'When it signed: not in the future, not before 1990; now when absent.' })
  signedOn?: Date | null;
}

@ObjectType({ description: 'A page of agreements.' })
export class AgreementConnection extends Connection(Agreement) {}
