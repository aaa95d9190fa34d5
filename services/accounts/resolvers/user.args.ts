import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Connection, PageArgs } from '../../kit/pagination';
import { MAX_SEARCH_LENGTH } from '../../kit/validation';
import { Role, User } from '../entities/user.entity';

@InputType({ description: 'Narrows the list of accounts.' })
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or e-mail.' })
  @MaxLength(MAX_SEARCH_LENGTH, { message: `must be at most ${MAX_SEARCH_LENGTH} characters` })
  search?: string | null;

  @Field(() => Role, { nullable: true, description: 'Accounts with this role.' })
  role?: Role | null;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true, description: 'All given criteria must match.' })
  filter?: UserFilter | null;
}

@ArgsType()
export class GrantRoleArgs {
  @Field(() => ID, { description: 'The account to change.' })
  userId: string;

  @Field(() => Role, { description: 'The role to give.' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required with AUTHORITY: the ISO code of the country.' })
  country?: string | null;

  @Field(() => ID, { nullable: true, description: 'With AUTHORITY, optionally: the national authority the user works for.' })
  authorityId?: string | null;
}

@ObjectType({ description: 'A page of accounts.' })
export class UserConnection extends Connection(User) {}
