import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** The revocation list: a role or password change ends the user's access tokens issued before it. */
export class CreateTokenRevocations1765100000000 implements MigrationInterface {
  name = 'CreateTokenRevocations1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'token_revocations',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'revoked_at', type: 'bigint' },
          { name: 'reason', type: 'varchar', length: '20' },
        ],
        indices: [{ name: 'idx_token_revocations_at', columnNames: ['revoked_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('token_revocations');
  }
}
