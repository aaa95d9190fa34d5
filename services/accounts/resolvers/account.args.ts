import { Length, MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../passwords';

@ArgsType()
export class ChangePasswordArgs {
  @Field(() => String, { description: 'The password the user signs in with now.' })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `must be at most ${MAX_PASSWORD_LENGTH} characters` })
  currentPassword: string;

  @Field(() => String, { description: `The new one: at least ${MIN_PASSWORD_LENGTH} characters, and not easy to guess (as for signUp).` })
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, {
    message: `must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
  })
  newPassword: string;
}
