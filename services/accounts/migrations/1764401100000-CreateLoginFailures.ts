import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class CreateLoginFailures1764401100000 implements MigrationInterface {
  name = 'CreateLoginFailures1764401100000';

  async up(queryRunner: QueryRunner): Promise<void> {
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_failures');
  }
}
