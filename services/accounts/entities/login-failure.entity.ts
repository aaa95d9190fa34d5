import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed sign-in for an e-mail; recent ones throttle further tries (shared by every replica). */
@Entity('login_failures')
@Index('idx_login_failures_email_at', ['email', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'datetime' })
  at: Date;
}
