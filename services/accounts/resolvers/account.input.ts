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

@ObjectType({ description: 'What a successful sign-up, sign-in, renewal or password change returns.' })
export class AuthPayload {
  @Field(() => String, {
    description: 'An access token (a JWT) carrying the user\'s role as it is now; send it as "Authorization: Bearer <token>".',
  })
  token: string;

  @Field(() => User, { description: 'The signed-in user.' })
  user: User;

  @Field(() => Date, {
    description: 'When `token` stops working (15 minutes after it was issued by default); renew it with `refreshToken` before then.',
  })
  expiresAt: Date;

  @Field(() => String, {
    description:
      'Renews the session with the `refreshToken` mutation. Single use: each renewal returns a new one, and presenting a used one again ends the session. Keep it secret, like a password.',
  })
  refreshToken: string;
}
