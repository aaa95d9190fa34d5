import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Refresh tokens (hashed), one family per sign-in: short access tokens are renewed with them. */
export class CreateRefreshTokens1765000000000 implements MigrationInterface {
  name = 'CreateRefreshTokens1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'family_id', type: 'varchar', length: '36' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'datetime' },
          { name: 'expires_at', type: 'datetime' },
          { name: 'used_at', type: 'datetime', isNullable: true },
          { name: 'revoked_at', type: 'datetime', isNullable: true },
        ],
        indices: [
          { name: 'uq_refresh_tokens_hash', columnNames: ['token_hash'], isUnique: true },
          { name: 'idx_refresh_tokens_family', columnNames: ['family_id'] },
          { name: 'idx_refresh_tokens_user', columnNames: ['user_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('refresh_tokens');
  }
}
