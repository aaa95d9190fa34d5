import { Length, MaxLength } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from '../../kit/input-limits';
import { IsEmailAddress } from '../../kit/validation';
import { User } from '../entities/user.entity';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../passwords';

@InputType({ description: 'A new account.' })
export class SignUpInput {
  @Field(() => String, { description: 'E-mail address; compared without case and surrounding spaces.' })
  @MaxLength(MAX_EMAIL_LENGTH, { message: `must be at most ${MAX_EMAIL_LENGTH} characters` })
  @IsEmailAddress()
  email: string;

  @Field(() => String, { description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, {
    message: `must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
  })
  password: string;

  @Field(() => String, { description: 'The name the user goes by.' })
  @Length(1, MAX_NAME_LENGTH, { message: `must be 1 to ${MAX_NAME_LENGTH} characters` })
  name: string;
}

@ObjectType({ description: 'What a successful sign-up or sign-in returns.' })
export class AuthPayload {
  @Field(() => String, { description: 'A JWT; send it as "Authorization: Bearer <token>".' })
  token: string;

  @Field(() => User, { description: 'The signed-in user.' })
  user: User;
}
