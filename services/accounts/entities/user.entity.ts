import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum Role {
  AUTHORITY = 'AUTHORITY',
  SECRETARIAT = 'SECRETARIAT',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do beyond an ordinary account; granted by the Secretariat.',
  valuesConfig: {
    AUTHORITY: { description: 'Officer of a national authority of one country.' },
    SECRETARIAT: { description: 'Administers the platform.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person who signs in to Enlace.' })
@Entity('users')
@Index('uq_users_email', ['email'], { unique: true })
export class User {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  // Not a @Field here: UserResolver.email applies the visibility rule.
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Field(() => String, { description: 'The name the user goes by.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Never a GraphQL field: the scrypt hash of the password (passwords.ts); an account without one cannot sign in. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Field(() => Role, { nullable: true, description: 'Granted by the Secretariat; null for an ordinary user.' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  role: Role | null;

  @Column({ name: 'country_code', type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;

  /** The national authority an AUTHORITY user works for (authorities subgraph), if known. */
  @Column({ name: 'authority_id', type: 'varchar', length: 36, nullable: true })
  authorityId: string | null;

  // Set here rather than by a database default: MySQL's CURRENT_TIMESTAMP follows the server's time zone.
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date = new Date();
}
