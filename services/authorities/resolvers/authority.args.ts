import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../../kit/pagination';
import { SEARCH_DESCRIPTION } from '../../kit/validation';
import { Competence, NationalAuthority } from '../entities/national-authority.entity';

@InputType({ description: 'Narrows the directory of national authorities.' })
export class AuthorityFilter {
  @Field(() => ID, { nullable: true, description: 'ISO code of the country.' })
  country?: string | null;

  @Field(() => Competence, { nullable: true, description: 'Authorities competent for this.' })
  competence?: Competence | null;

  @Field(() => String, { nullable: true, description: `In the name or acronym. ${SEARCH_DESCRIPTION}` })
  search?: string | null;
}

@ArgsType()
export class AuthoritiesArgs extends PageArgs {
  @Field(() => AuthorityFilter, { nullable: true, description: 'All given criteria must match.' })
  filter?: AuthorityFilter | null;
}

@ObjectType({ description: 'A page of national authorities.' })
export class NationalAuthorityConnection extends Connection(NationalAuthority) {}
