import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Why a user's access tokens were revoked. */
export type RevocationReason = 'role' | 'password';

/** BIGINT comes back from MySQL as a string: the milliseconds are read as a number on both engines. */
const milliseconds = { to: (value: number) => value, from: (value: string | number) => Number(value) };

/**
 * One revocation (services/accounts/revocations.ts): every access token of the user issued at or before
 * `revokedAt` stops working. Written in the transaction that changes the user's role or password; read
 * by every verifier through GET /revocations. Rows older than the longest access token are pruned.
 */
@Entity('token_revocations')
@Index('idx_token_revocations_at', ['revokedAt'])
export class TokenRevocation {
  /** Increases with every row: a reader asks for the rows after the last id it read. */
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  /** Milliseconds since the epoch, compared with a token's `iat_ms`. */
  @Column({ name: 'revoked_at', type: 'bigint', transformer: milliseconds })
  revokedAt: number;

  @Column({ type: 'varchar', length: 20 })
  reason: RevocationReason;
}
