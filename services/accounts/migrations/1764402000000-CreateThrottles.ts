import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Sign-in failures counted per e-mail and client address, and sign-ups per address, replace login_failures. */
export class CreateThrottles1764402000000 implements MigrationInterface {
  name = 'CreateThrottles1764402000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'throttles',
        columns: [
          { name: 'scope', type: 'varchar', length: '20', isPrimary: true },
          { name: 'subject', type: 'varchar', length: '320', isPrimary: true },
          { name: 'attempts', type: 'integer' },
          { name: 'window_start', type: 'datetime' },
        ],
      }),
    );
    await queryRunner.dropTable('login_failures');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'login_failures',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'at', type: 'datetime' },
        ],
        indices: [{ name: 'idx_login_failures_email_at', columnNames: ['email', 'at'] }],
      }),
    );
    await queryRunner.dropTable('throttles');
  }
}
