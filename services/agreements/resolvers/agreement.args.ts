import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../../kit/pagination';
import { Agreement, AgreementKind, AgreementStatus } from '../entities/agreement.entity';

@InputType({ description: 'Narrows the register of agreements.' })
export class AgreementFilter {
  @Field(() => ID, { nullable: true, description: 'ISO code of a country that is party to the agreement.' })
  country?: string | null;

  @Field(() => AgreementKind, { nullable: true, description: 'Agreements of this kind.' })
  kind?: AgreementKind | null;

  @Field(() => AgreementStatus, { nullable: true, description: 'Agreements in this status (drafts only for those who may see them).' })
  status?: AgreementStatus | null;
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

@ObjectType({ description: 'A page of agreements.' })
export class AgreementConnection extends Connection(Agreement) {}
