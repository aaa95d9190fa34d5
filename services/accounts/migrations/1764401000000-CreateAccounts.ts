import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class CreateAccounts1764401000000 implements MigrationInterface {
  name = 'CreateAccounts1764401000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'password_hash', type: 'varchar', length: '255', isNullable: true },
          { name: 'role', type: 'varchar', length: '20', isNullable: true },
          { name: 'country_code', type: 'varchar', length: '2', isNullable: true },
          { name: 'authority_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [{ name: 'uq_users_email', columnNames: ['email'], isUnique: true }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('users');
  }
}
