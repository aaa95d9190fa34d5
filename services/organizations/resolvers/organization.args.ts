import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../../kit/pagination';
import { SEARCH_DESCRIPTION } from '../../kit/validation';
import { Organization, OrganizationKind, VerificationStatus } from '../entities/organization.entity';

@InputType({ description: 'Narrows the directory of organizations; all given criteria must match.' })
export class OrganizationFilter {
  @Field(() => ID, { nullable: true, description: 'ISO code of a country the organization is based in or serves (any case).' })
  country?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: 'Organizations of this kind.' })
  kind?: OrganizationKind | null;

  @Field(() => String, { nullable: true, description: SEARCH_DESCRIPTION })
  search?: string | null;

  @Field(() => VerificationStatus, {
    nullable: true,
    description: 'The public sees VERIFIED only; the Secretariat sees every status unless it filters.',
  })
  status?: VerificationStatus | null;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationFilter, { nullable: true, description: 'All given criteria must match.' })
  filter?: OrganizationFilter | null;
}

@ObjectType({ description: 'A page of organizations.' })
export class OrganizationConnection extends Connection(Organization) {}
