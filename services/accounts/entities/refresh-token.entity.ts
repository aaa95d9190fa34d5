import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One refresh token (sessions.ts). Only the SHA-256 of the token is kept, so the table gives nobody a
 * token that works. Every token of one sign-in shares its `familyId`: each renewal uses one up and adds
 * the next, and the reuse of a used one revokes them all.
 */
@Entity('refresh_tokens')
@Index('uq_refresh_tokens_hash', ['tokenHash'], { unique: true })
@Index('idx_refresh_tokens_family', ['familyId'])
@Index('idx_refresh_tokens_user', ['userId'])
export class RefreshToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  /** The sign-in this token descends from: the session that logout, a reuse or a password change ends. */
  @Column({ name: 'family_id', type: 'varchar', length: 36 })
  familyId: string;

  /** SHA-256 of the token, base64url (43 characters). */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  /** When it was exchanged for the next one; a token is used once. */
  @Column({ name: 'used_at', type: 'datetime', nullable: true })
  usedAt: Date | null;

  /** When its session was ended (logout, reuse, password change). */
  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
